"""The feedback app: messages from the accessibility statement's feedback form."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Stores accessibility feedback and mails it to the site's contact from Celery."""

    name = "feedback"
    verbose_name = _("Accessibility feedback")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Register the read-and-delete permission policy the admin views use."""
        from wagtail.permissions import register_permission_policy

        from feedback.models import AccessibilityFeedback
        from feedback.permissions import ReadAndDeletePolicy

        register_permission_policy(
            AccessibilityFeedback, ReadAndDeletePolicy(AccessibilityFeedback)
        )
