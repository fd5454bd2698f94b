"""What the review cycle stores: completed reviews, sent reminders and readers' preferences."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewOutcome(models.TextChoices):
    """What a review found."""

    CONFIRMED = "confirmed", _("confirmed unchanged")
    UPDATED = "updated", _("updated")
    STATUS_CHANGED = "status_changed", _("status changed")


class ReviewLog(models.Model):
    """One completed review of a measure: who, when, what came of it."""

    measure = models.ForeignKey(
        "site_pages.MeasurePage",
        verbose_name=_("measure"),
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
        return f"{self.measure_id} {self.reviewed_at:%Y-%m-%d} {self.outcome}"


class SentReminder(models.Model):
    """A reminder that the mail server accepted; the unique key makes every reminder go once."""

    measure = models.ForeignKey(
        "site_pages.MeasurePage", on_delete=models.CASCADE, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    stage = models.CharField(max_length=32)
    due_date = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "recipient", "stage", "due_date"], name="reminder_sent_once"
            )
        ]
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")

    def __str__(self) -> str:
        return f"{self.measure_id} → {self.recipient_id}: {self.stage} ({self.due_date})"


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


class DeliveryLock(models.Model):
    """One row per recipient, locked while a digest to them is sent: two workers never overlap."""

    recipient = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    locked_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"lock {self.recipient_id}"
