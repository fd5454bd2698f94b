"""Reviews of any reviewable page (measures, offers, funding sources), reminders to addresses.

The review log and the sent-reminder log point at wagtailcore.Page instead of MeasurePage;
a measure's page id is its Page id, so every existing row keeps its target. Sent reminders
may go to a bare address. Delivery locks are keyed by recipient key; they hold no data, so
the table is recreated.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="sentreminder", name="reminder_sent_once"),
        migrations.RenameField(model_name="reviewlog", old_name="measure", new_name="page"),
        migrations.AlterField(
            model_name="reviewlog",
            name="page",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="review_log",
                to="wagtailcore.page",
                verbose_name="page",
            ),
        ),
        migrations.AddField(
            model_name="reviewlog",
            name="reviewer_address",
            field=models.EmailField(
                blank=True, max_length=254, verbose_name="reviewed by address"
            ),
        ),
        migrations.RenameField(model_name="sentreminder", old_name="measure", new_name="page"),
        migrations.AlterField(
            model_name="sentreminder",
            name="page",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.page",
            ),
        ),
        migrations.AlterField(
            model_name="sentreminder",
            name="recipient",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="sentreminder",
            name="address",
            field=models.EmailField(blank=True, max_length=254),
        ),
        migrations.AddConstraint(
            model_name="sentreminder",
            constraint=models.UniqueConstraint(
                condition=models.Q(recipient__isnull=False),
                fields=("page", "recipient", "stage", "due_date"),
                name="reminder_sent_once",
            ),
        ),
        migrations.AddConstraint(
            model_name="sentreminder",
            constraint=models.UniqueConstraint(
                condition=models.Q(recipient__isnull=True),
                fields=("page", "address", "stage", "due_date"),
                name="reminder_sent_once_to_address",
            ),
        ),
        migrations.AddConstraint(
            model_name="sentreminder",
            constraint=models.CheckConstraint(
                condition=models.Q(recipient__isnull=False) | ~models.Q(address=""),
                name="reminder_has_recipient",
            ),
        ),
        migrations.CreateModel(
            name="AddressPreference",
            fields=[
                (
                    "address",
                    models.EmailField(
                        max_length=254,
                        primary_key=True,
                        serialize=False,
                        verbose_name="address",
                    ),
                ),
                (
                    "due_soon_reminders",
                    models.BooleanField(
                        default=True,
                        help_text=(
                            "Reminders about due and overdue reviews are always sent; this "
                            "only switches off the early ones."
                        ),
                        verbose_name="remind me before a review is due",
                    ),
                ),
            ],
            options={
                "verbose_name": "reminder preference of an address",
                "verbose_name_plural": "reminder preferences of addresses",
            },
        ),
        migrations.DeleteModel(name="DeliveryLock"),
        migrations.CreateModel(
            name="DeliveryLock",
            fields=[
                ("key", models.CharField(max_length=300, primary_key=True, serialize=False)),
                ("locked_at", models.DateTimeField(null=True)),
            ],
        ),
    ]
