"""Progress log of measures; planned and actual dates.

`start_date`/`end_date` become `planned_start`/`planned_end` (the data is kept); revisions
and wagtail-localize's frozen source content are rewritten with the new names too, so editing,
reverting or syncing a measure after the upgrade keeps its dates. Measures gain actual dates,
the reason for a status change and a progress note (both logged on publish), indicators a
source, and the progress log its own table (`MeasureProgressEntry`).
"""

import json

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

RENAMES = {"start_date": "planned_start", "end_date": "planned_end"}

STATUS_CHOICES = [
    ("planned", "planned"),
    ("in_progress", "in progress"),
    ("implemented", "implemented"),
    ("ongoing", "ongoing"),
    ("delayed", "delayed"),
    ("discontinued", "discontinued"),
]


def _renamed(content: dict, renames: dict) -> dict:
    """`content` with its keys renamed by `renames`."""
    return {renames.get(key, key): value for key, value in content.items()}


def rename_in_stored_content(apps, schema_editor, renames=RENAMES) -> None:
    """Rename the date keys in measure revisions and translation sources."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="site_pages", model="measurepage").first()
    if content_type is None:
        return
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        if any(key in revision.content for key in renames):
            revision.content = _renamed(revision.content, renames)
            revision.save(update_fields=["content"])
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type=content_type):
        content = json.loads(source.content_json)
        if any(key in content for key in renames):
            source.content_json = json.dumps(_renamed(content, renames))
            source.save(update_fields=["content_json"])


def rename_back_in_stored_content(apps, schema_editor) -> None:
    """Reverse: the old key names."""
    rename_in_stored_content(apps, schema_editor, {new: old for old, new in RENAMES.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("site_pages", "0005_snippet_history"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("measurepage", "start_date", "planned_start"),
        migrations.RenameField("measurepage", "end_date", "planned_end"),
        migrations.AlterField(
            model_name="measurepage",
            name="planned_start",
            field=models.DateField(blank=True, null=True, verbose_name="planned start"),
        ),
        migrations.AlterField(
            model_name="measurepage",
            name="planned_end",
            field=models.DateField(blank=True, null=True, verbose_name="planned end"),
        ),
        migrations.RunPython(rename_in_stored_content, rename_back_in_stored_content),
        migrations.AddField(
            model_name="measurepage",
            name="actual_start",
            field=models.DateField(blank=True, null=True, verbose_name="actual start"),
        ),
        migrations.AddField(
            model_name="measurepage",
            name="actual_end",
            field=models.DateField(blank=True, null=True, verbose_name="actual end"),
        ),
        migrations.AddField(
            model_name="measurepage",
            name="status_justification",
            field=models.TextField(
                blank=True,
                help_text="Required when the status changes. Shown publicly in the progress log.",
                verbose_name="reason for the status change",
            ),
        ),
        migrations.AddField(
            model_name="measurepage",
            name="progress_note",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Optional: a dated note for the public progress log, added when this "
                    "version is published."
                ),
                verbose_name="progress note",
            ),
        ),
        migrations.AddField(
            model_name="measureindicator",
            name="source",
            field=models.CharField(
                blank=True,
                help_text="Where the current value comes from, e.g. a statistics office.",
                max_length=255,
                verbose_name="source",
            ),
        ),
        migrations.CreateModel(
            name="MeasureProgressEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(verbose_name="date")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("status", "status change"),
                            ("indicator", "indicator update"),
                            ("note", "note"),
                            ("review", "review"),
                        ],
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                (
                    "old_status",
                    models.CharField(
                        blank=True,
                        choices=STATUS_CHOICES,
                        max_length=16,
                        verbose_name="previous status",
                    ),
                ),
                (
                    "new_status",
                    models.CharField(
                        blank=True, choices=STATUS_CHOICES, max_length=16, verbose_name="new status"
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        blank=True,
                        help_text="Reason, note or review comment (German).",
                        verbose_name="text",
                    ),
                ),
                (
                    "review_outcome",
                    models.CharField(blank=True, max_length=16, verbose_name="review outcome"),
                ),
                (
                    "indicator_key",
                    models.UUIDField(blank=True, null=True, verbose_name="indicator"),
                ),
                (
                    "indicator_name",
                    models.CharField(blank=True, max_length=255, verbose_name="indicator name"),
                ),
                (
                    "indicator_unit",
                    models.CharField(blank=True, max_length=64, verbose_name="unit"),
                ),
                (
                    "value",
                    models.DecimalField(
                        blank=True, decimal_places=2, max_digits=14, null=True, verbose_name="value"
                    ),
                ),
                ("as_of", models.DateField(blank=True, null=True, verbose_name="as of")),
                ("source", models.CharField(blank=True, max_length=255, verbose_name="source")),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="created at"
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="author",
                    ),
                ),
                (
                    "measure",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="progress_entries",
                        to="site_pages.measurepage",
                        verbose_name="measure",
                    ),
                ),
                (
                    "revision",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="revision",
                    ),
                ),
            ],
            options={
                "verbose_name": "progress entry",
                "verbose_name_plural": "progress log",
                "ordering": ["-date", "-created_at", "pk"],
            },
        ),
    ]
