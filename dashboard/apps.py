"""The dashboard app: admin panels that steer the integration concept's work."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """Dashboard panels: status chart, overdue reviews, moderation, data quality."""

    name = "dashboard"
    verbose_name = _("Dashboard")
    default_auto_field = "django.db.models.BigAutoField"
