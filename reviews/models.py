"""What the review cycle stores: completed reviews, sent reminders and readers' preferences.

Reviews cover every kind of reviewable content (measures, offers, funding sources; see
`reviews.content`), so the log and the sent-reminder log point at the page. A reminder goes
to a user or, for offers and funding sources without a responsible user, to a bare address.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewOutcome(models.TextChoices):
    """What a review found."""

    CONFIRMED = "confirmed", _("confirmed unchanged")
    UPDATED = "updated", _("updated")
    STATUS_CHANGED = "status_changed", _("status changed")


class ReviewLog(models.Model):
    """One completed review of a page (measure, offer, funding source): who, when, result."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="review_log",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewer_address = models.EmailField(_("reviewed by address"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=ReviewOutcome.choices)
    comment = models.TextField(_("comment"), blank=True)
    was_due = models.DateField(_("was due"), null=True)
    next_review_due = models.DateField(_("next review due"), null=True)

    class Meta:
        ordering = ["-reviewed_at"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.page_id} {self.reviewed_at:%Y-%m-%d} {self.outcome}"


class SentReminder(models.Model):
    """A reminder that the mail server accepted; the unique key makes every reminder go once.

    The recipient is a user or, with `recipient` empty, the bare `address`.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )
    address = models.EmailField(blank=True)
    stage = models.CharField(max_length=32)
    due_date = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "recipient", "stage", "due_date"],
                condition=models.Q(recipient__isnull=False),
                name="reminder_sent_once",
            ),
            models.UniqueConstraint(
                fields=["page", "address", "stage", "due_date"],
                condition=models.Q(recipient__isnull=True),
                name="reminder_sent_once_to_address",
            ),
            models.CheckConstraint(
                condition=models.Q(recipient__isnull=False) | ~models.Q(address=""),
                name="reminder_has_recipient",
            ),
        ]
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")

    def __str__(self) -> str:
        who = self.recipient_id or self.address
        return f"{self.page_id} → {who}: {self.stage} ({self.due_date})"


class ReminderPreference(models.Model):
    """A user's choice about review reminders (overdue ones cannot be switched off)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="reminder_preference",
    )
    due_soon_reminders = models.BooleanField(
        _("remind me before a review is due"),
        default=True,
        help_text=_(
            "Reminders about due and overdue reviews are always sent; this only switches off "
            "the early ones."
        ),
    )

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: due soon {'on' if self.due_soon_reminders else 'off'}"


class AddressPreference(models.Model):
    """The choice of a bare address (no user account) about "still current?" reminders."""

    address = models.EmailField(_("address"), primary_key=True)
    due_soon_reminders = models.BooleanField(
        ReminderPreference._meta.get_field("due_soon_reminders").verbose_name,
        default=True,
        help_text=ReminderPreference._meta.get_field("due_soon_reminders").help_text,
    )

    class Meta:
        verbose_name = _("reminder preference of an address")
        verbose_name_plural = _("reminder preferences of addresses")

    def __str__(self) -> str:
        return f"{self.address}: due soon {'on' if self.due_soon_reminders else 'off'}"


class DeliveryLock(models.Model):
    """One row per recipient, locked while a digest to them is sent: two workers never overlap.

    `key` is "user:<id>" or "address:<email>" (`reviews.recipients.recipient_key`).
    """

    key = models.CharField(max_length=300, primary_key=True)
    locked_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"lock {self.key}"
