"""Placeholder: operations are filled in by the work on snippet_history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("site_pages", "0004_german_workflow_name")]

    operations: list = []
