"""Create the editorial roles' groups with their model permissions (idempotent).

Page permissions are local roles on subtrees; they are granted after `migrate` and when
the pages are created (`editorial.roles.sync_local_roles`), since a fresh database has
no pages yet.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_role_groups(apps, schema_editor) -> None:
    """Make the site_pages permissions exist now, then create the groups."""
    from editorial.roles import ensure_groups

    for label in ("site_pages", "wagtailcore", "wagtail_localize"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    ensure_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("site_pages", "0004_german_workflow_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
