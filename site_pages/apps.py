"""App configuration for the integration concept's content model."""

from django.apps import AppConfig


class SitePagesConfig(AppConfig):
    """The `site_pages` app: action fields, measures, offers, funding, facts and snippets."""

    name = "site_pages"
    verbose_name = "Integrationskonzept"

    def ready(self) -> None:
        """Register the system checks (demo passwords in production)."""
        from site_pages import checks  # noqa: F401
