"""App configuration for teilhabe's public search."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The `search` app: backend configuration now, the public search page later."""

    name = "search"
    verbose_name = _("Search")
