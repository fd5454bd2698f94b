"""App configuration for the translation workflow."""

from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """The `translations` app: what is missing, outdated or machine-translated, per locale."""

    name = "translations"
    verbose_name = "Übersetzungen"

    def ready(self) -> None:
        """Stamp significant changes of source content on every save path."""
        from translations.tracking import connect_signals

        connect_signals()
