"""Celery task: send the emails about one workflow event, after the request has committed."""

import smtplib

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from moderation.notifications import notify


@shared_task(
    name="moderation.send_workflow_notification",
    autoretry_for=(smtplib.SMTPException, ConnectionError, OSError, OperationalError),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=8,
)
def send_workflow_notification(
    kind: str, task_state_id: int, triggering_user_id: int | None = None
) -> int:
    """Email everyone concerned by `kind` who was not told yet; retries send nothing twice.

    `kind` is "submitted", "rejected" or "approved"; `triggering_user_id` gets no email.
    """
    return notify(kind, task_state_id, triggering_user_id, now=timezone.now())
