"""Admin integration of the dashboard: its panels on the home page and its filtered lists."""

from django.urls import include, path
from wagtail import hooks

from dashboard.panels import panels_for
from dashboard.views import ProblemListView


@hooks.register("register_admin_urls")
def register_dashboard_urls() -> list:
    """/admin/dashboard/problems/<rule>/?field=<id>: the pages behind a data-quality count."""
    urls = [path("problems/<slug:problem>/", ProblemListView.as_view(), name="problems")]
    return [path("dashboard/", include((urls, "dashboard"), namespace="dashboard"))]


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels) -> None:
    """The steering panels the user may see (see `dashboard.panels`)."""
    panels.extend(panels_for(request.user))
