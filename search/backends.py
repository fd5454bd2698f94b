"""Which search backend answers public searches."""

from wagtail.search.backends import get_search_backend


def search_backend():
    """The configured search backend (the search issue adds per-locale engines and fallback)."""
    return get_search_backend()
