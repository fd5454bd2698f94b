"""The sitemap: every live, public page in every language, with its translations as alternates.

Built on `wagtail.contrib.sitemaps` (and Django's sitemap framework, which renders the
`xhtml:link` alternates). German fallbacks (aliases standing in for a missing translation)
are left out: their text is the German page's, which is listed already. Locations are
absolute URLs on the host the sitemap was requested from.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q, QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from translations.fallback import language_codes_by_locale_id


class TranslatedPagesSitemap(Sitemap):
    """All languages' pages of the requested site; each entry names its translations."""

    def items(self) -> QuerySet:
        """Live, public pages under the site's home page in any language, fallbacks excluded."""
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        under_a_home = Q()
        for home in homes:
            under_a_home |= Q(path__startswith=home.path)
        return (
            Page.objects.live()
            .public()
            .filter(under_a_home, alias_of__isnull=True)
            .order_by("path")
        )

    def _absolute(self, page: Page) -> str:
        """`page`'s URL on the host of the request (or of the Wagtail site without one)."""
        if self.request is None:
            return page.get_full_url()
        return self.request.build_absolute_uri(page.get_url(self.request))

    def _urls(self, page, protocol, domain) -> list[dict]:
        """The entries of one sitemap page; alternates read in one query for the whole page."""
        pages = list(self.paginator.page(page).object_list)
        keys = {item.translation_key for item in pages}
        versions = defaultdict(list)
        for version in (
            Page.objects.live().public().filter(translation_key__in=keys, alias_of__isnull=True)
        ):
            versions[version.translation_key].append(version)
        codes = language_codes_by_locale_id()
        urls = []
        for item in pages:
            alternates = [
                {"lang_code": codes[version.locale_id], "location": self._absolute(version)}
                for version in sorted(versions[item.translation_key], key=lambda p: p.locale_id)
            ]
            if len(alternates) < 2:
                alternates = []  # a page without translations needs no alternates
            for german in [a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE]:
                alternates.append({"lang_code": "x-default", "location": german["location"]})
            urls.append(
                {
                    "item": item,
                    "location": self._absolute(item),
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates,
                }
            )
        self.latest_lastmod = max((u["lastmod"] for u in urls if u["lastmod"]), default=None)
        return urls
