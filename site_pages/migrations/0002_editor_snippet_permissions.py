"""Let Wagtail's Editors and Moderators groups maintain the concept's snippets."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SNIPPETS = ["organisation", "district", "targetgroup", "offertype", "fundingarea"]
GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    """Give both editorial groups add/change/delete/view on every concept snippet."""
    # Permissions are normally created after all migrations; make them exist now.
    app_config = apps.get_app_config("site_pages")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in SNIPPETS for action in ("add", "change", "delete", "view")]
    permissions = Permission.objects.filter(content_type__app_label="site_pages", codename__in=codenames)
    for name in GROUPS:
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    """Take the snippet permissions away again."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="site_pages", content_type__model__in=SNIPPETS)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("site_pages", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
