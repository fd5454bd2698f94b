"""Signals site_pages sends for other apps (search listens; site_pages imports none of them)."""

from django.dispatch import Signal

# Sent by `SavedWithRelationsMixin.save` once a page and its relations and inline rows are
# written (Django's post_save comes before modelcluster writes them). Arguments: instance.
page_saved_with_relations = Signal()
