"""App configuration for teilhabe's public search."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The `search` app: backend configuration now, the public search page later."""

    name = "search"
    verbose_name = "Suche"
