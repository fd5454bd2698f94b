"""The moderation app: named workflows, the coordinator's approval task, notifications."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Moderation workflows for measures, offers and funding sources."""

    name = "moderation"
    verbose_name = _("Moderation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Emails after commit from Celery; new index pages' workflow; translated names."""
        from moderation.names import connect_translated_names
        from moderation.signal_handlers import (
            connect_index_page_hook,
            replace_wagtail_notifications,
        )

        replace_wagtail_notifications()
        connect_index_page_hook()
        connect_translated_names()
