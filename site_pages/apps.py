"""App configuration for the integration concept's content model."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitePagesConfig(AppConfig):
    """The `site_pages` app: action fields, measures, offers, funding, facts and snippets."""

    name = "site_pages"
    verbose_name = _("Integration concept")

    def ready(self) -> None:
        """Register system checks and make sure every configured language has a locale."""
        from django.db.models.signals import post_migrate

        from site_pages import checks  # noqa: F401
        from site_pages.languages import ensure_locales

        post_migrate.connect(ensure_locales, sender=self)
