"""Workflow tasks of teilhabe and the record of workflow notifications already sent."""

import functools

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, Task, TaskState, WorkflowState

from moderation.approvers import approver_ids_for, approvers_of, is_approver

APPROVAL_ACTIONS = (
    ("reject", _("Request changes"), True),
    ("approve", _("Approve"), False),
    ("approve", _("Approve with comment"), True),
)


def publish_as_approved(workflow_state: WorkflowState, user=None) -> None:
    """Publish the workflow's page on its final approval, whatever the approver's page rights.

    Wagtail's default (`wagtail.workflows.publish_workflow_state`) publishes with the
    approver's own publish permission, which coordinators and Prüfung do not have: in these
    tasks the approval itself is the right to publish. The approval is still logged under
    the approver, and so is the publication.
    """
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )


class ApprovalPublishesMixin:
    """For tasks whose approvers publish by approving (see `publish_as_approved`)."""

    def on_action(self, task_state: TaskState, user, action_name: str, **kwargs):
        """Approve or reject; a final approval publishes without the approver's page rights."""
        if action_name == "approve":
            workflow_state = task_state.workflow_state
            workflow_state.on_finish = functools.partial(publish_as_approved, workflow_state)
        return super().on_action(task_state, user, action_name, **kwargs)


def _unlock_unless(obj, may_keep_lock) -> None:
    """Release the editing lock of `obj` if whoever holds it may not keep it in this task."""
    locked_by = getattr(obj, "locked_by", None)
    if locked_by is not None and not may_keep_lock(locked_by):
        obj.locked, obj.locked_by, obj.locked_at = False, None, None
        obj.save(update_fields=["locked", "locked_by", "locked_at"])


class CoordinatorApprovalTask(ApprovalPublishesMixin, Task):
    """Approval by the coordinator of the page's own action field, else Integrationsmanagement.

    The approvers are computed per page (see `moderation.approvers`): a measure's parent
    field, an action field itself, a translation's German source. Approvers may open the
    editor and edit during review; everyone else finds the page locked until it is decided.
    """

    class Meta:
        verbose_name = _("approval by the action field's coordinator")
        verbose_name_plural = _("approvals by the action field's coordinator")

    def start(self, workflow_state, user=None) -> TaskState:
        """Start the task; an editing lock held by a non-approver is released, as Wagtail does."""
        page = workflow_state.content_object
        _unlock_unless(page, lambda locker: is_approver(page, locker))
        return super().start(workflow_state, user=user)

    def approvers(self, page: Page) -> list:
        """Who approves `page` in this task: its coordinator, else the fallback group."""
        return approvers_of(page)

    def user_can_access_editor(self, obj, user) -> bool:
        """Approvers may open the editor even without their own edit permission."""
        return is_approver(obj, user)

    def locked_for_user(self, obj, user) -> bool:
        """Everyone but the approvers is locked out while the page awaits their decision."""
        return not is_approver(obj, user)

    def user_can_lock(self, obj, user) -> bool:
        """Approvers may lock the page while they review it."""
        return is_approver(obj, user)

    def user_can_unlock(self, obj, user) -> bool:
        """Nobody gains an unlock right from this task."""
        return False

    def get_actions(self, obj, user) -> list[tuple]:
        """Reject with a comment, approve, approve with a comment: for approvers only."""
        return list(APPROVAL_ACTIONS) if is_approver(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """The in-progress states of this task on pages that `user` approves (dashboard queue)."""
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        if not user.is_active:
            return TaskState.objects.none()
        page_ids = {int(pk) for pk in states.values_list("workflow_state__object_id", flat=True)}
        pages = Page.objects.filter(pk__in=page_ids)
        mine = [str(pk) for pk, ids in approver_ids_for(pages).items() if user.pk in ids]
        return states.filter(workflow_state__object_id__in=mine)

    @classmethod
    def get_description(cls) -> str:
        """What the task does, for the task type chooser."""
        return _(
            "The coordinator of the page's action field approves; without one, "
            "the integration management group does."
        )


class ReviewOnlyGroupApprovalTask(ApprovalPublishesMixin, AbstractGroupApprovalTask):
    """Group approval in which the groups approve, reject and preview, but gain no edit right.

    Wagtail's GroupApprovalTask opens the editor to every member of its groups; here members
    edit only with the page permissions their groups give them anyway (Prüfung has none).
    """

    class Meta:
        verbose_name = _("group approval without editing")
        verbose_name_plural = _("group approvals without editing")

    def user_can_access_editor(self, obj, user) -> bool:
        """Reviewing gives no access to the editor."""
        return False

    def user_can_lock(self, obj, user) -> bool:
        """Reviewing gives no right to lock the page."""
        return False

    @classmethod
    def get_description(cls) -> str:
        """What the task does, for the task type chooser."""
        return _("Members of the chosen groups approve or request changes; they cannot edit.")


class SentNotification(models.Model):
    """One workflow email that went out: the same event never mails a recipient twice."""

    class Kind(models.TextChoices):
        """Which workflow event the email is about."""

        SUBMITTED = "submitted", _("submitted for approval")
        REJECTED = "rejected", _("changes requested")
        APPROVED = "approved", _("approved")

    task_state = models.ForeignKey(
        TaskState, on_delete=models.CASCADE, related_name="sent_notifications"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField()

    class Meta:
        verbose_name = _("sent workflow notification")
        verbose_name_plural = _("sent workflow notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "kind", "recipient"], name="one_notification_per_event"
            )
        ]

    def __str__(self) -> str:
        """Event and recipient, for the log."""
        return f"{self.kind} #{self.task_state_id} → {self.recipient_id}"
