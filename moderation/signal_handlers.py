"""Workflow emails leave the request: Wagtail's senders are replaced by after-commit tasks.

Wagtail connects its email notifiers in `wagtailadmin`'s ready() and sends synchronously,
inside the request's transaction. Django ignores a second receiver with the same
`dispatch_uid` and sender, so `replace_wagtail_notifications` disconnects Wagtail's (should
they already be connected) and takes their `dispatch_uid`s for its own receivers; Wagtail's
later connect is then a no-op, whatever the order of INSTALLED_APPS.
"""

from django.db import transaction
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from moderation.models import SentNotification

Kind = SentNotification.Kind


def schedule(kind: str, task_state: TaskState | None, user) -> None:
    """Queue the Celery task for `kind` once the current transaction has committed."""
    if task_state is None:
        return
    from moderation.tasks import send_workflow_notification

    task_state_id, user_id = task_state.pk, getattr(user, "pk", None)
    transaction.on_commit(
        lambda: send_workflow_notification.delay(str(kind), task_state_id, user_id)
    )


def on_task_submitted(sender, instance: TaskState, user=None, **kwargs) -> None:
    """A task started (submission, resubmission, next step): tell its reviewers."""
    schedule(Kind.SUBMITTED, instance, user)


def on_workflow_rejected(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """Changes were requested: tell the author, with the reviewer's comment."""
    schedule(Kind.REJECTED, instance.current_task_state, user)


def on_workflow_approved(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """The last task was approved (the page is published): tell the author."""
    schedule(Kind.APPROVED, instance.current_task_state, user)


def on_workflow_submitted(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """No email: Wagtail's would go to every superuser; the reviewers hear via the task."""


# (signal, sender, Wagtail's dispatch_uid, the receiver that replaces Wagtail's)
REPLACED = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        on_task_submitted,
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        on_workflow_submitted,
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        on_workflow_rejected,
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        on_workflow_approved,
    ),
]


def replace_wagtail_notifications() -> None:
    """Disconnect Wagtail's synchronous workflow emails and connect the after-commit ones."""
    for signal, sender, dispatch_uid, receiver in REPLACED:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid, weak=False)


def on_index_page_created(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """A new action field, offer or funding index (any locale, aliases too) gets its workflow."""
    if created and not raw:
        from moderation.workflows import assign_workflow

        assign_workflow(instance)


def connect_index_page_hook() -> None:
    """Assign workflows to index pages as they are created (demo loader, translations)."""
    from django.db.models.signals import post_save

    from moderation.workflows import WORKFLOW_OF_INDEX

    for model in WORKFLOW_OF_INDEX:
        post_save.connect(
            on_index_page_created, sender=model, dispatch_uid=f"moderation_assign_{model.__name__}"
        )
