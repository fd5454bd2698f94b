"""Let Integrationsmanagement edit the synonym sets (its other permissions predate them)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [f"{action}_synonymset" for action in ("add", "change", "delete", "view")]


def grant(apps, schema_editor) -> None:
    """Create the synonym permissions now and add them to the group (idempotent)."""
    from editorial.roles import INTEGRATION_MANAGEMENT

    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=INTEGRATION_MANAGEMENT)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="search", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_synonym_sets"),
        ("editorial", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
