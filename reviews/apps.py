"""The reviews app: the measures' review cycle, reminder digests and their delivery."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    """Review cycle of measures: log, reminder rules, digests, dashboard panels."""

    name = "reviews"
    verbose_name = _("Reviews")
    default_auto_field = "django.db.models.BigAutoField"
