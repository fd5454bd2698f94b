"""Celery tasks of the search app."""

from celery import shared_task

from search.replay import replay_pending_updates


@shared_task(name="search.replay_pending_updates")
def replay_index_updates() -> int:
    """Beat job: index again what could not be indexed while the engine was down."""
    return replay_pending_updates()
