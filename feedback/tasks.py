"""Celery task: mail one accessibility feedback message to the site's contact, once."""

import smtplib

from celery import shared_task
from django.db import OperationalError

from feedback.delivery import mail_feedback


@shared_task(
    name="feedback.mail_accessibility_feedback",
    autoretry_for=(smtplib.SMTPException, ConnectionError, OSError, OperationalError),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=8,
)
def mail_accessibility_feedback(feedback_id: int) -> bool:
    """Send feedback `feedback_id` to the contact address unless it was sent already."""
    return mail_feedback(feedback_id)
