"""Admin integration of the review cycle: panels, measure listing, bulk action, buttons, URLs."""

from collections.abc import Iterator
from datetime import date

import django_filters
from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import (
    BulkActionsColumn,
    PageStatusColumn,
    PageTitleColumn,
    ParentPageColumn,
)
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.admin.views.pages.listing import IndexView as PageListingIndexView
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets.button import HeaderButton

from reviews import admin_views
from reviews.admin_views import can_review
from reviews.content import FreshnessKind, kind_for_model, kind_of
from reviews.forms import ReminderPreferenceForm
from reviews.models import ReminderPreference
from reviews.panels import MyReviewsPanel, OverdueMeasuresPanel, is_coordinator
from reviews.planning import measures_in_cycle
from reviews.rules import ReminderRules, ReviewState, review_state, review_state_filter
from reviews.services import complete_review
from site_pages.choices import MeasureStatus
from site_pages.models import FundingSourcePage, MeasurePage, OfferPage

OUT_OF_CYCLE = "out_of_cycle"


@hooks.register("register_admin_urls")
def register_review_urls() -> list:
    """/admin/reviews/measure/<id>/ records a review, /admin/reviews/current/<id>/ a check."""
    urls = [
        path("measure/<int:pk>/", admin_views.review_measure, name="review"),
        path("current/<int:pk>/", admin_views.confirm_page_current, name="confirm_current"),
    ]
    return [path("reviews/", include((urls, "reviews_admin"), namespace="reviews_admin"))]


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels) -> None:
    """ "My reviews" for everyone with measures; "Overdue measures" for coordinators."""
    panels.append(MyReviewsPanel(request.user))
    if is_coordinator(request.user):
        panels.append(OverdueMeasuresPanel(request.user))


@hooks.register("register_page_header_buttons")
def review_button(page, user, view_name, next_url=None) -> Iterator[HeaderButton]:
    """ "Mark as reviewed" on a measure's edit view, "Still current" on offers and funding."""
    if isinstance(page.specific_deferred, MeasurePage) and can_review(user, page.specific_deferred):
        yield HeaderButton(
            label=_("Mark as reviewed"),
            url=reverse("reviews_admin:review", args=[page.pk]),
            icon_name="tasks",
            priority=5,
        )
    elif isinstance(kind_of(page.specific_deferred), FreshnessKind) and admin_views.can_confirm(
        user, page.specific_deferred
    ):
        yield HeaderButton(
            label=_("Still current"),
            url=reverse("reviews_admin:confirm_current", args=[page.pk]),
            icon_name="tasks",
            priority=5,
        )


class MeasureFilterSet(PageFilterSet):
    """Filter measures by review state and status."""

    review_state = django_filters.ChoiceFilter(
        label=_("Review state"),
        choices=[*ReviewState.choices, (OUT_OF_CYCLE, _("not reviewed any more"))],
        method="filter_review_state",
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MeasureStatus.choices)

    class Meta:
        model = MeasurePage
        fields = []

    def filter_review_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Measures whose review is in state `value` today."""
        in_cycle = measures_in_cycle().values("pk")  # German source measures only
        if value == OUT_OF_CYCLE:
            german = queryset.filter(locale__language_code=settings.LANGUAGE_CODE)
            return german.exclude(pk__in=in_cycle)
        state = review_state_filter(
            ReviewState(value), timezone.localdate(), ReminderRules.from_settings()
        )
        return queryset.filter(pk__in=in_cycle).filter(state)


class MeasureIndexView(PageListingIndexView):
    """The measures editors work on: German fallback copies (aliases) are not listed."""

    def get_base_queryset(self) -> QuerySet:
        """Every measure but the aliases standing in for missing translations."""
        return super().get_base_queryset().filter(alias_of__isnull=True)


class MeasureListingViewSet(PageListingViewSet):
    """All measures in one list, filterable by review state, with the bulk review action."""

    model = MeasurePage
    index_view_class = MeasureIndexView
    icon = "tasks"
    menu_label = _("Measures")
    menu_order = 150
    add_to_admin_menu = True
    name = "measures"
    filterset_class = MeasureFilterSet
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        Column("code", label=_("code"), sort_key="code"),
        Column("next_review_due", label=_("next review due"), sort_key="next_review_due"),
        Column("status", label=_("status"), accessor="get_status_display"),
        ParentPageColumn("parent", label=_("Action field")),
        PageStatusColumn("status_label", label=_("Publication"), sort_key="live"),
    ]


@hooks.register("register_admin_viewset")
def register_measure_listing() -> MeasureListingViewSet:
    """The measure listing in the admin menu."""
    return MeasureListingViewSet()


def freshness_state(
    kind: FreshnessKind, page, today: date, rules: ReminderRules
) -> ReviewState | None:
    """Where a listed page's freshness check stands on `today` (None: not in the cycle).

    The listing annotates `in_freshness_cycle` (see `FreshnessIndexView`), so no row costs
    a query of its own.
    """
    if not page.in_freshness_cycle:
        return None
    return review_state(kind.due_date(page), today, rules)


class FreshnessColumn(Column):
    """ "Stale since …", "due soon", "current": stale entries stand out in the listing."""

    def __init__(self, kind: FreshnessKind, **kwargs) -> None:
        self.kind = kind
        super().__init__("freshness", label=_("Freshness"), **kwargs)

    def get_value(self, instance) -> str:
        """The freshness of one listed page, as of today."""
        today = timezone.localdate()
        state = freshness_state(self.kind, instance, today, ReminderRules.from_settings())
        if state is None:
            return "–"
        due = self.kind.due_date(instance)
        if state == ReviewState.OVERDUE:
            return _("⚠ STALE: check was due on %(due)s") % {"due": date_format(due)}
        if state in (ReviewState.DUE_TODAY, ReviewState.DUE_SOON):
            return _("check due on %(due)s") % {"due": date_format(due)}
        return _("current")


class FreshnessFilterSet(PageFilterSet):
    """Filter offers or funding sources by freshness (stale = overdue check)."""

    kind: FreshnessKind

    freshness = django_filters.ChoiceFilter(
        label=_("Freshness"), choices=ReviewState.choices, method="filter_freshness"
    )

    def filter_freshness(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Pages whose freshness check is in state `value` today (two queries)."""
        today = timezone.localdate()
        rules = ReminderRules.from_settings()
        pages = self.kind.in_cycle().filter(self.kind.current_on(today)).only(*self.kind.fields)
        matching = [
            page.pk
            for page in pages
            if review_state(self.kind.due_date(page), today, rules) == ReviewState(value)
        ]
        return queryset.filter(pk__in=matching)


class OfferFilterSet(FreshnessFilterSet):
    """The offer listing's filters."""

    kind = kind_for_model(OfferPage)

    class Meta:
        model = OfferPage
        fields = []


class FundingFilterSet(FreshnessFilterSet):
    """The funding source listing's filters."""

    kind = kind_for_model(FundingSourcePage)

    class Meta:
        model = FundingSourcePage
        fields = []


class FreshnessIndexView(PageListingIndexView):
    """The German source pages: only they are checked (translations follow their date)."""

    def get_base_queryset(self) -> QuerySet:
        """German offers or funding sources, each marked whether it is in the check cycle."""
        kind = kind_for_model(self.model)
        in_cycle = kind.in_cycle().filter(kind.current_on(timezone.localdate()), pk=OuterRef("pk"))
        return (
            super()
            .get_base_queryset()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .annotate(in_freshness_cycle=Exists(in_cycle))
        )


class FreshnessListingViewSet(PageListingViewSet):
    """Offers or funding sources in one list with their last check; stale ones are marked."""

    index_view_class = FreshnessIndexView
    kind: FreshnessKind

    @property
    def columns(self) -> list[Column]:
        """Title, last check, freshness, publication."""
        return [
            BulkActionsColumn("bulk_actions"),
            PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
            Column("last_checked", label=_("last checked"), sort_key="last_checked"),
            FreshnessColumn(self.kind),
            PageStatusColumn("status_label", label=_("Publication"), sort_key="live"),
        ]


class OfferListingViewSet(FreshnessListingViewSet):
    """The offers and their freshness."""

    model = OfferPage
    kind = kind_for_model(OfferPage)
    icon = "doc-full"
    menu_label = _("Offers")
    menu_order = 160
    add_to_admin_menu = True
    name = "offer_freshness"
    filterset_class = OfferFilterSet


class FundingListingViewSet(FreshnessListingViewSet):
    """The funding sources and their freshness."""

    model = FundingSourcePage
    kind = kind_for_model(FundingSourcePage)
    icon = "doc-full"
    menu_label = _("Funding sources")
    menu_order = 170
    add_to_admin_menu = True
    name = "funding_freshness"
    filterset_class = FundingFilterSet


@hooks.register("register_admin_viewset")
def register_freshness_listings() -> list[FreshnessListingViewSet]:
    """The offer and funding listings in the admin menu."""
    return [OfferListingViewSet(), FundingListingViewSet()]


class MarkReviewedBulkAction(PageBulkAction):
    """Record "confirmed unchanged" for several measures at once."""

    display_name = _("Mark as reviewed")
    action_type = "mark_reviewed"
    aria_label = _("Mark the selected measures as reviewed")
    template_name = "reviews/admin/confirm_bulk_review.html"
    action_priority = 60

    def check_perm(self, page) -> bool:
        """Only measures the user may review."""
        specific = page.specific_deferred
        return isinstance(specific, MeasurePage) and can_review(self.request.user, specific)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs) -> tuple[int, int]:
        """Complete a review of each measure now."""
        now = timezone.now()
        count = 0
        for page in objects:
            complete_review(page.specific, user, now)
            count += 1
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects) -> str:
        """ "3 measures marked as reviewed"."""
        return ngettext(
            "%(count)d measure marked as reviewed",
            "%(count)d measures marked as reviewed",
            num_parent_objects,
        ) % {"count": num_parent_objects}


hooks.register("register_bulk_action", MarkReviewedBulkAction)


@hooks.register("register_account_settings_panel")
class ReminderSettingsPanel(BaseSettingsPanel):
    """Account settings, "Notifications" tab: switch "due soon" review reminders off or on."""

    name = "review_reminders"
    title = _("Review reminders")
    tab = notifications_tab
    order = 150
    form_class = ReminderPreferenceForm

    def get_form(self) -> ReminderPreferenceForm:
        """The preference form bound to the user's (possibly new) preference row."""
        preference, _created = ReminderPreference.objects.get_or_create(user=self.user)
        data = self.request.POST if self.request.method == "POST" else None
        return self.form_class(data, instance=preference, prefix=self.name)
