"""App configuration for the translation workflow."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The `translations` app: what is missing, outdated or machine-translated, per locale."""

    name = "translations"
    verbose_name = _("Translations")

    def ready(self) -> None:
        """Stamp significant changes of sources; keep German fallbacks in every language."""
        from django.apps import apps
        from django.db.models.signals import post_migrate
        from wagtail.signals import page_published

        from translations.fallback import create_missing_aliases, ensure_synchronised_locales
        from translations.tracking import connect_signals

        connect_signals()
        # This app has no models, so no post_migrate of its own: follow wagtail-localize's,
        # which comes after site_pages has created the locales.
        post_migrate.connect(
            ensure_synchronised_locales, sender=apps.get_app_config("wagtail_localize")
        )
        page_published.connect(create_missing_aliases, dispatch_uid="translations.aliases")
