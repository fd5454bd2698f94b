"""Dashboard panels: "My reviews" (what the user's digest is about), "Overdue measures"."""

from datetime import date

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from reviews.planning import due_for_user, measures_in_cycle
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
        """One row per measure, as `MyReviewsPanel` has them, for the shared template."""
        rows = [
            {
                "page": measure,
                "heading": f"{measure.code} {measure.title}",
                "due": measure.next_review_due,
                "state": review_state(measure.next_review_due, self.today, self.rules),
                "no_recipient": not (
                    is_reachable(measure.measure_owner) or is_reachable(measure.deputy)
                ),
                "escalated": False,
                "is_measure": True,
            }
            for measure in self.measures()
        ]
        panel_id = self.name.replace("_", "-")
        return {"rows": rows, "title": self.title, "empty": self.empty, "panel_id": panel_id}


class MyReviewsPanel(Component):
    """What the user's review digest is about: due, due soon, overdue and escalated pages.

    It reads `due_for_user`, the digests' own selection, so the panel and the mail never
    disagree (a coordinator sees the measures of her field that nobody else can be told
    about, integration management the escalations).
    """

    name = "my_reviews"
    order = 50
    template_name = "reviews/admin/my_reviews_panel.html"
    title = _("My reviews")
    empty = _("Nothing is due for your review.")

    def __init__(self, user, today: date | None = None) -> None:
        self.user = user
        self.today = today or timezone.localdate()

    def get_context_data(self, parent_context=None) -> dict:
        """One row per due page, most urgent first, with the link that settles it."""
        rows = [
            {
                "page": item.page,
                "heading": item.heading,
                "due": item.due_date,
                "state": item.state,
                "no_recipient": item.no_recipient,
                "escalated": item.escalated,
                "is_measure": item.is_measure,
            }
            for item in due_for_user(self.user, self.today)
        ]
        panel_id = self.name.replace("_", "-")
        return {"rows": rows, "title": self.title, "empty": self.empty, "panel_id": panel_id}


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
