"""Replaying index updates that failed while the search engine was down, or during a rebuild.

Engine backends remember each object whose update failed (`PendingIndexUpdate`); once the
engine answers again, `replay_pending_updates` indexes those objects afresh (or removes them
when they are gone). Celery beat runs it every `SEARCH_REPLAY_SECONDS`.

A rebuild (`update_index`) fills a new engine index while live updates still go to the old
one behind the alias; `replay_pages_changed_since` re-indexes what editors changed meanwhile,
once the alias points to the new index.
"""

import logging
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from modelsearch import index
from wagtail.models import Page, PageLogEntry

from search.backends import search_health
from search.documents import SEARCHABLE_MODELS
from search.models import PendingIndexUpdate
from search.signals import on_page_deleted, on_page_saved

logger = logging.getLogger(__name__)


def replay_pending_updates(limit: int = 500) -> int:
    """Index again up to `limit` objects whose update failed; return how many were replayed.

    A pending row is removed before its object is indexed; if indexing fails again, the
    backend records it anew, so nothing is lost when the engine goes away mid-replay.
    """
    if not PendingIndexUpdate.objects.exists() or search_health()["search"] != "ok":
        return 0
    replayed = 0
    for pending in PendingIndexUpdate.objects.select_related("content_type").order_by("pk")[:limit]:
        model = pending.content_type.model_class()
        pending.delete()
        if model is None:
            continue
        reindex(model, pending.object_id)
        replayed += 1
    if replayed:
        logger.warning(
            "Replayed %d search index update(s) made while the engine was down.", replayed
        )
    return replayed


def reindex(model: type, object_id: str | int) -> None:
    """Write one object's entries afresh in every index, or remove them if it is gone."""
    obj = model._default_manager.filter(pk=object_id).first()
    if obj is None:
        index.remove_object(model(pk=object_id))
        if issubclass(model, Page):
            on_page_deleted(model, model(pk=object_id))
        return
    index.insert_or_update_object(obj)  # the admin's index (and the database's)
    if model in SEARCHABLE_MODELS:  # public documents: kept by search.signals, not modelsearch
        on_page_saved(model, obj)


def replay_pages_changed_since(since: datetime) -> int:
    """Re-index every page with a log entry (edit, publish, unpublish, move, delete) since `since`.

    Returns how many pages were replayed. A deleted page keeps its log entries, so it is
    removed from the indexes too.
    """
    page_ids = set(
        PageLogEntry.objects.filter(timestamp__gte=since).values_list("page_id", flat=True)
    )
    content_types = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type_id"))
    for page_id in sorted(page_ids):
        content_type = content_types.get(page_id)
        model = ContentType.objects.get_for_id(content_type).model_class() if content_type else None
        reindex(model or Page, page_id)
    return len(page_ids)
