"""Replaying index updates that failed while the search engine was down.

Engine backends remember each object whose update failed (`PendingIndexUpdate`); once the
engine answers again, `replay_pending_updates` indexes those objects afresh (or removes them
when they are gone). Celery beat runs it every `SEARCH_REPLAY_SECONDS`.
"""

import logging

from modelsearch import index

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
        obj = model._default_manager.filter(pk=pending.object_id).first()
        if model in SEARCHABLE_MODELS:  # public documents: kept by search.signals, not modelsearch
            if obj is not None:
                on_page_saved(model, obj)
            else:
                on_page_deleted(model, model(pk=pending.object_id))
        elif obj is not None:
            index.insert_or_update_object(obj)
        else:
            index.remove_object(model(pk=pending.object_id))
        replayed += 1
    if replayed:
        logger.warning(
            "Replayed %d search index update(s) made while the engine was down.", replayed
        )
    return replayed
