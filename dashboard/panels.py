"""The steering dashboard's panels on the Wagtail admin home page, and who sees which.

Integration management (the group or a superuser) sees all of them; an action field's
coordinator sees the status chart and the data-quality rows of the fields they coordinate;
everybody else sees none (they keep Wagtail's and the review cycle's own panels). No panel
shows a person's name or address.
"""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, PageLogEntry, WorkflowState

from dashboard.quality import (
    FRESHNESS_KINDS,
    PROBLEMS,
    german_action_fields,
    quality_rows,
    stale_pages,
    status_counts,
)
from editorial.roles import INTEGRATION_MANAGEMENT
from reviews.planning import measures_in_cycle
from reviews.rules import ReminderRules, ReviewState, review_state_filter
from site_pages.charts import ChartRow, status_chart
from site_pages.choices import MeasureStatus

RECENT_CHANGES = 10
MODERATION_SHOWN = 5


def is_integration_manager(user) -> bool:
    """Superusers and members of the integration management group."""
    return user.is_superuser or user.groups.filter(name=INTEGRATION_MANAGEMENT).exists()


def visible_action_fields(user) -> list:
    """The German action fields whose data-quality rows `user` may see (all for managers)."""
    fields = german_action_fields()
    if not is_integration_manager(user):
        fields = fields.filter(coordinator=user)
    return list(fields)


def problem_url(problem: str, action_field=None) -> str:
    """The dashboard's list of the pages breaking `problem` (in one action field)."""
    url = reverse("dashboard:problems", args=[problem])
    return f"{url}?{urlencode({'field': action_field.pk})}" if action_field else url


def field_label(action_field) -> str:
    """ "3 Bildung"-style short name of an action field."""
    return f"{action_field.number} {action_field.title}"


class DashboardPanel(Component):
    """A panel computed for one user on one day (`today` injectable for tests)."""

    def __init__(self, user, today: date | None = None) -> None:
        self.user = user
        self.today = today or timezone.localdate()


class StatusChartPanel(DashboardPanel):
    """Measures by status per action field: an SVG chart, its description and a table."""

    name = "measure_status_chart"
    order = 40
    template_name = "dashboard/status_panel.html"

    def __init__(self, user, today: date | None = None, action_fields: list | None = None):
        super().__init__(user, today)
        self.action_fields = action_fields

    def get_context_data(self, parent_context=None) -> dict:
        """Chart rows, the SVG and the table's rows and totals."""
        fields = self.action_fields
        if fields is None:
            fields = list(german_action_fields())
        counted = status_counts(fields)
        rows = [ChartRow(field_label(field), counts) for field, counts in counted]
        totals = {
            status: sum(row.counts[status] for row in rows) for status in MeasureStatus.values
        }
        return {
            "chart": status_chart(rows),
            "statuses": MeasureStatus.choices,
            "rows": [
                {
                    "label": row.label,
                    "cells": [row.counts[s] for s in MeasureStatus.values],
                    "total": row.total,
                }
                for row in rows
            ],
            "totals": [totals[s] for s in MeasureStatus.values],
            "grand_total": sum(totals.values()),
        }


class DataQualityPanel(DashboardPanel):
    """Per action field: how many measures (offers, funding sources) break each rule."""

    name = "data_quality"
    order = 45
    template_name = "dashboard/quality_panel.html"

    def __init__(self, user, today: date | None = None, action_fields: list | None = None):
        super().__init__(user, today)
        self.action_fields = action_fields

    def get_context_data(self, parent_context=None) -> dict:
        """One row per visible field (plus the whole concept for managers), linked counts."""
        manager = is_integration_manager(self.user)
        fields = self.action_fields
        if fields is None:
            fields = visible_action_fields(self.user)
        rows = []
        for row in quality_rows(fields, self.today, total=manager):
            rows.append(
                {
                    "label": field_label(row.action_field)
                    if row.action_field
                    else _("Whole concept"),
                    "is_total": row.action_field is None,
                    "active": row.active,
                    "cells": [
                        {
                            "count": row.counts[problem.key],
                            "url": problem_url(problem.key, row.action_field),
                            "problem": problem,
                        }
                        for problem in PROBLEMS
                    ],
                }
            )
        return {"problems": PROBLEMS, "rows": rows}


class AttentionPanel(DashboardPanel):
    """Overdue reviews and checks, and the pages waiting for moderation."""

    name = "needs_attention"
    order = 35
    template_name = "dashboard/attention_panel.html"

    def overdue(self) -> list[dict]:
        """Overdue measure reviews, offer and funding checks, each linked to its listing."""
        rules = ReminderRules.from_settings()
        measures = measures_in_cycle().filter(
            review_state_filter(ReviewState.OVERDUE, self.today, rules)
        )
        state = urlencode({"review_state": ReviewState.OVERDUE})
        freshness = urlencode({"freshness": ReviewState.OVERDUE})
        return [
            {
                "label": _("Measures overdue for review"),
                "count": measures.count(),
                "url": f"{reverse('measures:index')}?{state}",
            },
            {
                "label": _("Offers overdue for a check"),
                "count": len(stale_pages(FRESHNESS_KINDS["offer"], self.today)),
                "url": f"{reverse('offer_freshness:index')}?{freshness}",
            },
            {
                "label": _("Funding sources overdue for a check"),
                "count": len(stale_pages(FRESHNESS_KINDS["funding"], self.today)),
                "url": f"{reverse('funding_freshness:index')}?{freshness}",
            },
        ]

    def in_moderation(self) -> tuple[int, list[dict]]:
        """How many pages wait in a workflow, and the newest few with their current task."""
        states = WorkflowState.objects.active().filter(
            base_content_type=ContentType.objects.get_for_model(Page)
        )
        count = states.count()
        newest = list(
            states.select_related("current_task_state__task").order_by("-created_at")[
                :MODERATION_SHOWN
            ]
        )
        pages = Page.objects.in_bulk([int(state.object_id) for state in newest])
        rows = [
            {
                "page": pages[int(state.object_id)],
                "task": state.current_task_state.task.name if state.current_task_state else "",
                "since": state.created_at,
            }
            for state in newest
            if int(state.object_id) in pages
        ]
        return count, rows

    def get_context_data(self, parent_context=None) -> dict:
        """Overdue counts and the moderation queue."""
        count, rows = self.in_moderation()
        return {
            "overdue": self.overdue(),
            "moderation_count": count,
            "moderation": rows,
            "workflow_report": reverse("wagtailadmin_reports:workflow"),
        }


class RecentChangesPanel(DashboardPanel):
    """The pages most recently edited or published, by anyone, in any language."""

    name = "recent_changes"
    order = 55
    template_name = "dashboard/recent_changes_panel.html"
    actions = ["wagtail.edit", "wagtail.publish", "wagtail.create"]

    def get_context_data(self, parent_context=None) -> dict:
        """(page, time of its latest change) pairs, newest first; two queries."""
        latest = list(
            PageLogEntry.objects.filter(action__in=self.actions)
            .values("page_id")
            .annotate(changed_at=Max("timestamp"))
            .order_by("-changed_at")[:RECENT_CHANGES]
        )
        pages = Page.objects.select_related("locale").in_bulk([row["page_id"] for row in latest])
        changes = [
            {"page": pages[row["page_id"]], "changed_at": row["changed_at"]}
            for row in latest
            if row["page_id"] in pages
        ]
        return {"changes": changes, "history_url": reverse("wagtailadmin_reports:site_history")}


def panels_for(user, today: date | None = None) -> list[Component]:
    """The dashboard panels `user` may see."""
    if is_integration_manager(user):
        fields = list(german_action_fields())
        return [
            AttentionPanel(user, today),
            StatusChartPanel(user, today, fields),
            DataQualityPanel(user, today, fields),
            RecentChangesPanel(user, today),
        ]
    fields = visible_action_fields(user)
    if not fields:
        return []
    return [StatusChartPanel(user, today), DataQualityPanel(user, today, fields)]
