"""Celery tasks of the site: Wagtail's scheduled publishing, run by beat.

Editors set "Go-live date/time" and "Expiry date/time" on a page (or on a snippet with a
draft state). Nothing happens at that moment by itself: Wagtail's `publish_scheduled`
command publishes the revisions whose time has come and unpublishes what has expired. Beat
runs it every `SCHEDULED_PUBLISHING_SECONDS` (entry "publish-scheduled" in
`CELERY_BEAT_SCHEDULE`), so a page goes live or leaves the site, its German fallbacks in the
other languages, the search and the sitemap within that time.
"""

import logging

from celery import shared_task
from django.core.cache import cache
from django.core.management import call_command

logger = logging.getLogger(__name__)

RUN_LOCK_KEY = "site_pages.publish_scheduled.running"
# A run takes seconds; if its worker dies, the lock lapses after this long.
RUN_LOCK_SECONDS = 600


@shared_task(name="site_pages.publish_scheduled")
def publish_scheduled() -> bool:
    """Beat job: publish revisions whose go-live time has passed, unpublish expired objects.

    Wagtail's own command, for pages and every model with `DraftStateMixin`. It unpublishes
    through `unpublish`, which also unpublishes a page's aliases, and publishes through
    `Revision.publish`, which also publishes them; both update the search indexes. It only
    touches objects whose time has passed, so a late or repeated run is harmless; a run that
    starts while another is still at work (two workers, a backlog) is skipped, since the
    running one does the same work. Returns whether this run did the work.
    """
    if not cache.add(RUN_LOCK_KEY, True, RUN_LOCK_SECONDS):
        logger.info("Scheduled publishing is already running; this run is skipped.")
        return False
    try:
        call_command("publish_scheduled")
    finally:
        cache.delete(RUN_LOCK_KEY)
    return True
