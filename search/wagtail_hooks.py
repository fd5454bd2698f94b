"""Admin registration: the report of searches without results."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.reports import ZeroResultsReportView


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


class ZeroResultsMenuItem(MenuItem):
    """Shown to users who manage search promotions."""

    def is_shown(self, request) -> bool:
        """Hide the item from users who cannot open the report."""
        return request.user.has_perm("wagtailsearchpromotions.add_searchpromotion")


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    """Reports → Searches without results."""
    return ZeroResultsMenuItem(
        _("Searches without results"),
        reverse("zero_results_report"),
        name="searches-without-results",
        icon_name="search",
        order=810,
    )
