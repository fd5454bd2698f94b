"""App configuration for teilhabe's public search."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The `search` app: public search, its indexes and the editors' search reports."""

    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        """Keep public search documents current after publishing and view restrictions."""
        from search import signals

        signals.connect()
