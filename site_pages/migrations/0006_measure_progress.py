"""Placeholder: operations are filled in by the work on measure_progress."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("site_pages", "0005_snippet_history")]

    operations: list = []
