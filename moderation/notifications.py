"""Workflow emails: who hears about an event, what the email says, and sending each once.

Runs in the Celery worker, never in the request (see `moderation.signal_handlers`). Every
recipient's email is rendered in their own language (UserProfile.preferred_language, else
German) and sent under a lock: the task state's row (PostgreSQL) or SQLite's write lock,
taken when the transaction begins. Inside it the record of sent notifications is read again;
only after the mail server accepted the message is it recorded and committed. A retry
therefore sends only what the record does not hold yet; the remaining window (accepted,
process killed before the commit) can repeat one email, never lose one.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import AbstractGroupApprovalTask, TaskState
from wagtail.users.models import UserProfile

from moderation.models import CoordinatorApprovalTask, SentNotification
from moderation.names import display_name
from reviews.delivery import absolute
from reviews.locking import write_transaction
from reviews.planning import digest_language

logger = logging.getLogger(__name__)

Kind = SentNotification.Kind


def reviewers_of(task_state: TaskState) -> list:
    """Who reviews the task state's page: the coordinator task's approvers, the group's members."""
    task = task_state.task.specific
    page = task_state.workflow_state.content_object
    if isinstance(task, CoordinatorApprovalTask):
        return task.approvers(page)
    if isinstance(task, AbstractGroupApprovalTask):
        return list(
            get_user_model()
            .objects.filter(groups__in=task.groups.all(), is_active=True)
            .distinct()
            .order_by("pk")
        )
    return []


def recipients_for(kind: str, task_state: TaskState, triggering_user_id: int | None) -> list:
    """Who gets the email about `kind`, without the person who caused it.

    Only active accounts with an address whose Wagtail notification preferences allow this
    kind ("submitted", "rejected", "approved" notifications) are kept.
    """
    if kind == Kind.SUBMITTED:
        candidates = reviewers_of(task_state)
    else:
        author = task_state.workflow_state.requested_by
        candidates = [author] if author is not None else []
    return [
        user
        for user in candidates
        if user.pk != triggering_user_id
        and user.is_active
        and user.email
        and getattr(UserProfile.get_for_user(user), f"{kind}_notifications", True)
    ]


def name_of(user) -> str:
    """A user's full name, else the username; a dash for nobody."""
    if user is None:
        return "–"
    return user.get_full_name() or user.get_username()


@dataclass
class Notification:
    """One email about one workflow event to one recipient."""

    kind: str
    task_state: TaskState
    recipient: object

    @property
    def language(self) -> str:
        """The recipient's language: their profile's preference if offered, else German."""
        return digest_language(UserProfile.get_for_user(self.recipient).preferred_language)

    def context(self) -> dict:
        """What the templates show; names and labels in the active language."""
        task_state = self.task_state
        task = task_state.task.specific
        page = task_state.workflow_state.content_object.specific
        submitted = task_state.revision.as_object() if task_state.revision else page
        return {
            "recipient_name": name_of(self.recipient),
            "author_name": name_of(task_state.workflow_state.requested_by),
            "reviewer_name": name_of(task_state.finished_by),
            "title": submitted.title,
            "model_name": page._meta.verbose_name,
            "workflow_name": display_name(task_state.workflow_state.workflow.name),
            "task_name": display_name(task.name),
            "comment": task_state.comment,
            "preview_url": absolute(
                reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk])
            ),
            "revision_url": absolute(
                reverse("wagtailadmin_pages:revisions_view", args=[page.pk, task_state.revision_id])
            )
            if task_state.revision_id
            else "",
            "edit_url": absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
            "dashboard_url": absolute(reverse("wagtailadmin_home")),
            "live_url": page.full_url if page.live else "",
        }

    def subject(self, context: dict) -> str:
        """The subject line, in the active language."""
        if self.kind == Kind.SUBMITTED:
            template = gettext("teilhabe: please review “%(title)s”")
        elif self.kind == Kind.REJECTED:
            template = gettext("teilhabe: changes requested for “%(title)s”")
        else:
            template = gettext("teilhabe: “%(title)s” was approved")
        return template % {"title": context["title"]}

    def render(self) -> EmailMessage:
        """The email as plain text, in the recipient's language."""
        language = self.language
        with translation.override(language):
            context = self.context()
            return EmailMessage(
                subject=self.subject(context),
                body=render_to_string(f"moderation/email/{self.kind}.txt", context),
                to=[self.recipient.email],
                headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
            )


def deliver(notification: Notification, now: datetime, connection=None) -> bool:
    """Send `notification` unless it was sent already; whether it was sent now."""
    with write_transaction():
        TaskState.objects.select_for_update().filter(pk=notification.task_state.pk).first()
        already = SentNotification.objects.filter(
            task_state=notification.task_state,
            kind=notification.kind,
            recipient=notification.recipient,
        ).exists()
        if already:
            return False
        message = notification.render()
        message.connection = connection or get_connection()
        message.send(fail_silently=False)  # raises unless the server accepted the message
        SentNotification.objects.create(
            task_state=notification.task_state,
            kind=notification.kind,
            recipient=notification.recipient,
            sent_at=now,
        )
    logger.info(
        "workflow notification %s for task state %s sent to user %s",
        notification.kind,
        notification.task_state.pk,
        notification.recipient.pk,
    )
    return True


def notify(kind: str, task_state_id: int, triggering_user_id: int | None, now: datetime) -> int:
    """Send the emails about `kind` on the task state that nobody got yet; how many were sent.

    A request for review whose task is no longer in progress (decided meanwhile) is dropped.
    """
    task_state = (
        TaskState.objects.select_related("workflow_state", "revision", "finished_by")
        .filter(pk=task_state_id)
        .first()
    )
    if task_state is None:
        return 0
    if kind == Kind.SUBMITTED and task_state.status != TaskState.STATUS_IN_PROGRESS:
        return 0
    recipients = recipients_for(kind, task_state, triggering_user_id)
    connection = get_connection()
    return sum(
        deliver(Notification(kind, task_state, recipient), now, connection)
        for recipient in recipients
    )
