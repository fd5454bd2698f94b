"""Mailing feedback to the site's contact: in German, with a reply-to, never twice."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Site

from feedback.models import AccessibilityFeedback


def feedback_recipient() -> str:
    """The address the feedback goes to: the site setting, else FEEDBACK_EMAIL, else ''."""
    from site_pages.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        address = SiteSettings.for_site(site).feedback_email
        if address:
            return address
    return settings.FEEDBACK_EMAIL


def mail_feedback(feedback_id: int, now=None) -> bool:
    """Send one message under a row lock; False when it is gone, sent or has no recipient.

    The row is marked as mailed in the same transaction that sent it, so a retry after a
    failed send tries again and one after a successful send does nothing.
    """
    recipient = feedback_recipient()
    if not recipient:
        return False
    with transaction.atomic():
        feedback = AccessibilityFeedback.objects.select_for_update().filter(pk=feedback_id).first()
        if feedback is None or feedback.mailed_at is not None:
            return False
        with translation.override(settings.LANGUAGE_CODE):
            subject = gettext("Accessibility feedback: %(start)s") % {"start": str(feedback)}
            body = render_to_string("feedback/feedback_email.txt", {"feedback": feedback})
        message = EmailMessage(
            subject=" ".join(subject.split()),
            body=body,
            to=[recipient],
            reply_to=[feedback.email] if feedback.email else None,
        )
        message.send()
        feedback.mailed_to = recipient
        feedback.mailed_at = now or timezone.now()
        feedback.save(update_fields=["mailed_to", "mailed_at"])
    return True
