"""History for the concept's snippets: revisions for all, draft state and locking for organisations.

Existing rows stay public: organisations become live (the column's default), and every
existing snippet gets a first revision holding its current content (the live revision of an
organisation), so history, compare and revert have a starting point. Editors and Moderators
may publish and lock organisations, Moderators may also unlock others' locks, as they already
saved (and so published) organisations directly before.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

SNIPPETS = ["organisation", "district", "targetgroup", "offertype", "fundingarea"]
# Extra permissions of organisations (Wagtail creates them after migrating; made here to grant).
GRANTS = {"Editors": ["publish", "lock"], "Moderators": ["publish", "lock", "unlock"]}


def latest_revision_field():
    """RevisionMixin.latest_revision."""
    return models.ForeignKey(
        blank=True,
        editable=False,
        null=True,
        on_delete=django.db.models.deletion.SET_NULL,
        related_name="+",
        to="wagtailcore.revision",
        verbose_name="latest revision",
    )


def create_first_revisions(apps, schema_editor):
    """Give every existing snippet one revision with its current content."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    now = timezone.now()
    for name in SNIPPETS:
        model = apps.get_model("site_pages", name)
        rows = list(model.objects.filter(latest_revision__isnull=True))
        if not rows:
            continue
        content_type, _ = ContentType.objects.get_or_create(app_label="site_pages", model=name)
        for row in rows:
            revision = Revision.objects.create(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(row.pk),
                created_at=now,
                object_str=row.name,
                content=get_serializable_data_for_fields(row),
            )
            fields = {"latest_revision": revision}
            if name == "organisation":
                fields["live_revision"] = revision
            model.objects.filter(pk=row.pk).update(**fields)


def grant_organisation_permissions(apps, schema_editor):
    """Let Editors and Moderators publish and lock organisations (Moderators also unlock)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="site_pages", model="organisation"
    )
    for group_name, actions in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_organisation",
                defaults={"name": f"Can {action} organisation"},
            )
            group.permissions.add(permission)


def revoke_organisation_permissions(apps, schema_editor):
    """Drop the extra organisation permissions again."""
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="site_pages",
        codename__in=[f"{action}_organisation" for action in ("publish", "lock", "unlock")],
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("site_pages", "0004_german_workflow_name"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        *[
            migrations.AddField(
                model_name=name, name="latest_revision", field=latest_revision_field()
            )
            for name in SNIPPETS
        ],
        migrations.AddField(
            model_name="organisation",
            name="live",
            field=models.BooleanField(default=True, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="has_unpublished_changes",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="has unpublished changes"
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="first_published_at",
            field=models.DateTimeField(
                blank=True, db_index=True, null=True, verbose_name="first published at"
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="last_published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="locked",
            field=models.BooleanField(default=False, editable=False, verbose_name="locked"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="locked_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="locked at"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="locked_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="locked_%(class)ss",
                to=settings.AUTH_USER_MODEL,
                verbose_name="locked by",
            ),
        ),
        migrations.RunPython(create_first_revisions, migrations.RunPython.noop),
        migrations.RunPython(grant_organisation_permissions, revoke_organisation_permissions),
    ]
