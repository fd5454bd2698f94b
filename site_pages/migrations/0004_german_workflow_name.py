"""Give Wagtail's default workflow and its task a German name.

Wagtail's migration names both after the group that may publish: "Moderators approval", a
database value no catalogue translates. Only that exact name is renamed, so a workflow a
city has renamed itself is left alone.
"""

from django.db import migrations

ENGLISH = "Moderators approval"
GERMAN = "Freigabe durch die Moderation"


def rename(apps, old: str, new: str) -> None:
    """Rename the default workflow and task from `old` to `new`."""
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [
        ("site_pages", "0003_minor_edit_field"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: rename(apps, ENGLISH, GERMAN),
            lambda apps, schema_editor: rename(apps, GERMAN, ENGLISH),
        )
    ]
