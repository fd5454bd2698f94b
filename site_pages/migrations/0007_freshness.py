"""Freshness reviews of offers and funding sources: interval, responsible contact, last check."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("site_pages", "0006_measure_progress"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="fundingsourcepage",
            name="freshness_interval_months",
            field=models.PositiveSmallIntegerField(
                default=3,
                help_text="The responsible person is asked after so many months whether it is current.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(60),
                ],
                verbose_name="check every (months)",
            ),
        ),
        migrations.AddField(
            model_name="fundingsourcepage",
            name="responsible_email",
            field=models.EmailField(
                blank=True,
                help_text="Internal: asked instead when no responsible person is set. If empty, the organisation's public email address is asked.",
                max_length=254,
                verbose_name="responsible address",
            ),
        ),
        migrations.AddField(
            model_name="fundingsourcepage",
            name="responsible_user",
            field=models.ForeignKey(
                blank=True,
                help_text="Internal: asked regularly whether the entry is still current. Never public.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="responsible person",
            ),
        ),
        migrations.AddField(
            model_name="offerpage",
            name="freshness_interval_months",
            field=models.PositiveSmallIntegerField(
                default=6,
                help_text="The responsible person is asked after so many months whether it is current.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(60),
                ],
                verbose_name="check every (months)",
            ),
        ),
        migrations.AddField(
            model_name="offerpage",
            name="last_checked",
            field=models.DateField(
                blank=True,
                help_text="When the offer's details were last confirmed as current.",
                null=True,
                verbose_name="last checked",
            ),
        ),
        migrations.AddField(
            model_name="offerpage",
            name="responsible_email",
            field=models.EmailField(
                blank=True,
                help_text="Internal: asked instead when no responsible person is set. If empty, the organisation's public email address is asked.",
                max_length=254,
                verbose_name="responsible address",
            ),
        ),
        migrations.AddField(
            model_name="offerpage",
            name="responsible_user",
            field=models.ForeignKey(
                blank=True,
                help_text="Internal: asked regularly whether the entry is still current. Never public.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="responsible person",
            ),
        ),
    ]
