"""Placeholder: operations are filled in by the work on freshness."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("site_pages", "0006_measure_progress")]

    operations: list = []
