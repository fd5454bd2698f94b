"""App configuration for the translation workflow."""

from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """The `translations` app: what is missing, outdated or machine-translated, per locale."""

    name = "translations"
    verbose_name = "Übersetzungen"
