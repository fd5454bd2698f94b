"""Dashboard panels: "My reviews" for owners and deputies, "Overdue measures" for coordinators."""

from datetime import date

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from reviews.planning import measures_in_cycle
from reviews.recipients import is_reachable
from reviews.rules import ReminderRules, ReviewState, review_state, review_state_filter
from site_pages.models import ActionFieldPage


class ReviewPanel(Component):
    """A table of measures with their review state and a "mark reviewed" button."""

    template_name = "reviews/admin/my_reviews_panel.html"
    title = ""
    empty = ""

    def __init__(self, user, today: date | None = None) -> None:
        self.user = user
        self.today = today or timezone.localdate()
        self.rules = ReminderRules.from_settings()

    def selection(self) -> Q:
        """Which measures in the review cycle this panel lists."""
        raise NotImplementedError

    def measures(self) -> QuerySet:
        """The panel's measures with owner and deputy, most urgent first."""
        return (
            measures_in_cycle()
            .filter(self.selection())
            .select_related("measure_owner", "deputy")
            .order_by("next_review_due", "code")
        )

    def get_context_data(self, parent_context=None) -> dict:
        """Rows of (measure, state, no recipient) for the template."""
        rows = [
            {
                "measure": measure,
                "state": review_state(measure.next_review_due, self.today, self.rules),
                "no_recipient": not (
                    is_reachable(measure.measure_owner) or is_reachable(measure.deputy)
                ),
            }
            for measure in self.measures()
        ]
        return {"rows": rows, "title": self.title, "empty": self.empty}


class MyReviewsPanel(ReviewPanel):
    """Due, due soon and overdue measures the user owns or deputises for."""

    name = "my_reviews"
    order = 50
    title = _("My reviews")
    empty = _("None of your measures is due for review.")

    def selection(self) -> Q:
        """The user's measures due within the reminder horizon, or overdue."""
        mine = Q(measure_owner=self.user) | Q(deputy=self.user)
        return mine & Q(next_review_due__lte=self.rules.horizon(self.today))


class OverdueMeasuresPanel(ReviewPanel):
    """Every overdue measure of the concept, for coordinators and integration management."""

    name = "overdue_measures"
    order = 60
    title = _("Overdue measures")
    empty = _("No measure is overdue.")

    def selection(self) -> Q:
        """All overdue measures."""
        return review_state_filter(ReviewState.OVERDUE, self.today, self.rules)


def is_coordinator(user) -> bool:
    """Coordinators of an action field, integration management and superusers."""
    return (
        user.is_superuser
        or user.groups.filter(name=settings.REVIEW_FALLBACK_GROUP).exists()
        or ActionFieldPage.objects.filter(coordinator=user).exists()
    )
