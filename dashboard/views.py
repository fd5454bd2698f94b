"""The list behind each data-quality count: the pages breaking one rule, in one field or all."""

from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from dashboard.panels import field_label, is_integration_manager, visible_action_fields
from dashboard.quality import PROBLEMS_BY_KEY, Problem, pages_with_problem


def local_today():
    """Today in the site's time zone (a function, so tests can choose the day)."""
    return timezone.localdate()


class ProblemListView(ReportView):
    """The pages breaking one data-quality rule, optionally within one action field.

    Managers may list every field and the whole concept; coordinators only their fields.
    An unknown rule or field is a 400 (a 404 would be redirected to the public site by the
    locale middleware), another's field is refused.
    """

    template_name = "dashboard/problem_list.html"
    header_icon = "warning"
    paginate_by = 50
    columns = [
        TitleColumn(
            "title",
            label=_("Title"),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        Column("code", label=_("code"), accessor=lambda page: getattr(page, "code", "")),
        Column("status", label=_("status"), accessor="get_status_display"),
    ]
    freshness_columns = [
        TitleColumn(
            "title",
            label=_("Title"),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        Column("last_checked", label=_("last checked")),
        Column("freshness_due", label=_("check was due on"), accessor="freshness_due"),
    ]

    def dispatch(self, request, *args, **kwargs):
        """Check the rule, the field and the user's right to see them."""
        self.problem: Problem | None = PROBLEMS_BY_KEY.get(kwargs["problem"])
        if self.problem is None:
            return HttpResponseBadRequest("unknown rule")
        allowed = visible_action_fields(request.user)
        if not allowed:
            return permission_denied(request)
        field_id = request.GET.get("field", "")
        if field_id:
            if not field_id.isdigit():
                return HttpResponseBadRequest("bad field")
            chosen = [f for f in allowed if f.pk == int(field_id)]
            if not chosen:
                if is_integration_manager(request.user):
                    return HttpResponseBadRequest("unknown field")
                return permission_denied(request)
            self.action_fields = chosen
        else:
            self.action_fields = None if is_integration_manager(request.user) else allowed
        if self.problem.kind != "measure":
            self.columns = self.freshness_columns
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def page_title(self) -> str:
        """The rule's heading."""
        return str(self.problem.label)

    @cached_property
    def page_subtitle(self) -> str:
        """The field(s) listed."""
        if self.action_fields is None:
            return str(_("Whole concept"))
        return ", ".join(field_label(f) for f in self.action_fields)

    def get_index_url(self) -> str:
        """This list (pagination and the breadcrumbs link here)."""
        return reverse("dashboard:problems", args=[self.problem.key])

    def get_breadcrumbs_items(self) -> list[dict]:
        """Dashboard → the rule."""
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_queryset(self):
        """The pages breaking the rule today, ordered by code or title."""
        pages = pages_with_problem(self.problem, local_today(), self.action_fields)
        ordering = ["code", "path"] if self.problem.kind == "measure" else ["title", "path"]
        return pages.order_by(*ordering)

    def get_context_data(self, **kwargs) -> dict:
        """The rule's explanation above the list."""
        context = super().get_context_data(**kwargs)
        context["problem"] = self.problem
        context["subtitle"] = self.page_subtitle
        return context
