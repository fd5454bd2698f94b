"""Keeping public search's documents current: the facet store and the engine's public indexes.

Wagtail's own index updates (modelsearch's `post_save`) come before modelcluster writes a
page's relations and inline rows (districts, target groups, application windows), never reach
a page's translations, whose facet values come from the German source, nor the pages below a
view restriction. The backends holding public search documents are therefore configured with
``AUTO_UPDATE: False`` and updated here: after a save has written the relations
(`site_pages.signals.page_saved_with_relations`; a German page takes its translations and
aliases along), on unpublishing (scheduled expiry saves a plain `Page`), on deletion, and
when a view restriction changes.
"""

import logging

from django.conf import settings
from django.db import transaction
from modelsearch.backends import get_search_backend
from wagtail.models import Locale, Page, PageViewRestriction

from search.documents import SEARCHABLE_MODELS
from search.vocabulary import forget_vocabularies

logger = logging.getLogger(__name__)


def document_backend_names() -> list[str]:
    """The configured backends that hold public search documents."""
    return [
        name
        for name in settings.WAGTAILSEARCH_BACKENDS
        if name == "facets" or name.startswith("public_")
    ]


def reindex_pages(pages) -> None:
    """Index `pages` (a Page queryset) again on the document backends, by specific type."""
    pages = pages.type(*SEARCHABLE_MODELS).specific().select_related("locale")
    by_model: dict[type, list] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    forget_vocabularies({page.locale_id for items in by_model.values() for page in items})
    for name in document_backend_names():
        backend = get_search_backend(name)
        for model, items in by_model.items():
            if not name.startswith("public_"):
                backend.add_bulk(model, items)
                continue
            for item in items:  # only this language's pages cost a request
                try:
                    backend.add(item)
                except Exception:  # engine down: remembered for the replay (search.replay)
                    logger.warning("Could not index page %s on %s", item.pk, name)


def on_page_saved(sender, instance, **kwargs) -> None:
    """A searchable page and its relations were written: index it (a source: with translations)."""
    if instance.locale_id == Locale.get_default().pk:
        reindex_pages(Page.objects.filter(translation_key=instance.translation_key))
    else:
        reindex_pages(Page.objects.filter(pk=instance.pk))


def on_page_unpublished(sender, instance, **kwargs) -> None:
    """A page was unpublished (scheduled expiry saves it as a plain Page): drop its documents.

    Wagtail also sends this for a live page it is about to delete, without saving it; that
    page is still live in the database and is left to `on_page_deleted` (writing its store
    rows now would leave them behind the deletion's cascade).
    """
    if not isinstance(instance, tuple(SEARCHABLE_MODELS)):
        return
    if Page.objects.filter(pk=instance.pk, live=True).exists():
        return  # not saved as unpublished: a deletion in progress
    on_page_saved(sender, instance)


def on_page_deleted(sender, instance, **kwargs) -> None:
    """A searchable page was deleted: drop it from the engine (store rows go by cascade)."""
    forget_vocabularies([instance.locale_id])
    for name in document_backend_names():
        if name.startswith("public_"):
            try:
                get_search_backend(name).delete(instance)
            except Exception:  # engine down: remembered for the replay (search.replay)
                logger.warning("Could not remove page %s from %s", instance.pk, name)


def on_page_moved(sender, instance, **kwargs) -> None:
    """A page moved (Wagtail saves it as a plain Page): its subtree and their translations."""
    keys = Page.objects.descendant_of(instance, inclusive=True).values("translation_key")
    reindex_pages(Page.objects.filter(translation_key__in=keys))


def on_view_restriction_changed(sender, instance, **kwargs) -> None:
    """A view restriction was added, changed or removed: its subtree's documents change."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        reindex_pages(Page.objects.descendant_of(page, inclusive=True))


def on_synonyms_changed(sender, instance, **kwargs) -> None:
    """A synonym set changed: once committed, its language's engine index gets the sets."""
    from search.engine_synonyms import update_engine_synonyms_quietly

    language_code = instance.locale.language_code
    transaction.on_commit(lambda: update_engine_synonyms_quietly(language_code))


def connect() -> None:
    """Connect the handlers (from `SearchConfig.ready`)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_unpublished, post_page_move

    from search.synonyms import forget_synonyms
    from site_pages.models import SynonymSet
    from site_pages.signals import page_saved_with_relations

    for signal in (post_save, post_delete):
        signal.connect(
            forget_synonyms,
            sender=SynonymSet,
            dispatch_uid=f"search.synonyms_{signal is post_save}",
        )
        signal.connect(
            on_synonyms_changed,
            sender=SynonymSet,
            dispatch_uid=f"search.engine_synonyms_{signal is post_save}",
        )
    post_page_move.connect(on_page_moved, dispatch_uid="search.reindex_moved")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search.reindex_unpublished")

    for model in SEARCHABLE_MODELS:
        page_saved_with_relations.connect(
            on_page_saved, sender=model, dispatch_uid=f"search.saved_{model.__name__}"
        )
        post_delete.connect(
            on_page_deleted, sender=model, dispatch_uid=f"search.deleted_{model.__name__}"
        )
    for signal in (post_save, post_delete):
        signal.connect(
            on_view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search.reindex_restricted_{signal is post_save}",
        )
