"""Let Integrationsmanagement read and delete feedback (its other permissions predate the app)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_accessibilityfeedback", "delete_accessibilityfeedback"]


def grant(apps, schema_editor) -> None:
    """Create the feedback permissions now and add them to the group (idempotent)."""
    from editorial.roles import INTEGRATION_MANAGEMENT

    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=INTEGRATION_MANAGEMENT)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="feedback", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("editorial", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
