"""Celery tasks of the search app."""

from celery import shared_task

from search.replay import replay_pending_updates
from search.similar_words import refresh_similar_words


@shared_task(name="search.replay_pending_updates")
def replay_index_updates() -> int:
    """Beat job: index again what could not be indexed while the engine was down."""
    return replay_pending_updates()


@shared_task(name="search.refresh_similar_words")
def refresh_typo_words() -> bool:
    """Beat job: the words typos are matched against on PostgreSQL, re-read from the index."""
    return refresh_similar_words()
