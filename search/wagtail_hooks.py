"""Admin registration: the report of searches without results, and the synonym sets."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.admin_reports import PermissionMenuItem
from search.reports import PROMOTIONS_PERMISSION, ZeroResultsReportView
from site_pages.models import SynonymSet


@hooks.register("register_admin_urls")
def register_zero_results_url():
    """Serve the report at /admin/reports/searches-without-results/."""
    return [
        path(
            "reports/searches-without-results/",
            ZeroResultsReportView.as_view(),
            name="zero_results_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    """Reports → Searches without results."""
    return PermissionMenuItem(
        _("Searches without results"),
        reverse("zero_results_report"),
        name="searches-without-results",
        icon_name="search",
        permission=PROMOTIONS_PERMISSION,
        order=810,
    )


class SynonymSetViewSet(SnippetViewSet):
    """Synonym sets per language, edited by the people who read the zero-results report."""

    model = SynonymSet
    icon = "search"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    add_to_admin_menu = False
    list_display = ["__str__", "locale"]
    list_filter = ["locale"]
    search_fields = ["terms"]


register_snippet(SynonymSetViewSet)
