"""Admin report: the most frequent searches without results, per language, last 30 days."""

from datetime import timedelta

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.admin_reports import AdminReportView
from search.models import ZeroResultQuery

PROMOTIONS_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"
REPORT_DAYS = 30
TOP_QUERIES = 50


def zero_result_queries(language_code: str | None, today, days: int = REPORT_DAYS) -> list[dict]:
    """The most frequent fruitless queries since `days` ago, optionally for one language."""
    rows = ZeroResultQuery.objects.filter(day__gt=today - timedelta(days=days))
    if language_code:
        rows = rows.filter(language_code=language_code)
    return list(
        rows.values("query", "language_code")
        .annotate(total=Sum("count"))
        .order_by("-total", "query")[:TOP_QUERIES]
    )


class ZeroResultsReportView(AdminReportView):
    """Lets editors see what people look for and do not find, to add content or promotions."""

    template_name = "search/zero_results_report.html"
    page_title = _("Searches without results")
    header_icon = "search"
    required_permission = PROMOTIONS_PERMISSION

    def get_context_data(self, **kwargs):
        """The rows for the chosen language (all when none or an unknown one is chosen)."""
        context = super().get_context_data(**kwargs)
        codes = list(Locale.objects.values_list("language_code", flat=True))
        chosen = self.request.GET.get("language")
        chosen = chosen if chosen in codes else None
        context.update(
            rows=zero_result_queries(chosen, timezone.localdate()),
            languages=sorted(codes),
            chosen=chosen,
            days=REPORT_DAYS,
        )
        return context
