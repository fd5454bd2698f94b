"""The site's root page and free-content pages."""

from datetime import date

from django.db import models
from django.db.models import Count
from django.db.models.functions import Left, Length
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from site_pages.blocks import RICH_TEXT_FEATURES, BodyBlock
from site_pages.charts import status_legend, status_mix_bar
from site_pages.choices import MeasureStatus
from translations.tracking import TrackedPageMixin

# How many deadlines, offers and facts the start page shows.
HOME_DEADLINES = 3
HOME_OFFERS = 3
HOME_FACTS = 4


class HomePage(TrackedPageMixin, Page):
    """The start page of one locale: what teilhabe is and where to go next."""

    motto = models.CharField(
        _("motto"),
        max_length=255,
        blank=True,
        help_text=_("The concept's guiding idea, shown large at the top of the start page."),
    )
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("motto"),
        FieldPanel("intro"),
        FieldPanel("minor_edit"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("motto"), index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "site_pages.ActionFieldIndexPage",
        "site_pages.OfferIndexPage",
        "site_pages.FundingIndexPage",
        "site_pages.FactsPage",
        "site_pages.StandardPage",
        "site_pages.AccessibilityStatementPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """Add the sections, the action fields with their status mix, deadlines, offers, facts.

        A fixed number of queries, however many measures, offers and funding sources exist.
        """
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        context["sections"] = self.get_children().live().public().specific()
        context["action_fields"] = self.action_field_rows()
        context["statuses"] = MeasureStatus.choices
        context["status_legend"] = status_legend("home-legend")
        context["next_deadlines"] = self.next_deadlines(today)
        context["newest_offers"] = self.newest_offers()
        context["headline_facts"] = self.headline_facts()
        return context

    def action_field_rows(self) -> list[dict]:
        """Each live action field with its number of measures and their status mix (2 queries)."""
        from site_pages.models.action_fields import ActionFieldPage

        fields = list(
            ActionFieldPage.objects.descendant_of(self).live().public().order_by("number")
        )
        counts = measure_status_counts(self, [field.path for field in fields])
        return [field_row(field, counts.get(field.path, {})) for field in fields]

    def next_deadlines(self, today: date, limit: int = HOME_DEADLINES) -> list[dict]:
        """The funding sources whose next deadline comes soonest, with the days left."""
        from site_pages.models.funding import FundingSourcePage

        sources = (
            FundingSourcePage.objects.descendant_of(self)
            .live()
            .public()
            .prefetch_related("deadlines")
        )
        rows = []
        for source in sources:
            deadline = source.next_deadline(today)
            if deadline is not None:
                rows.append(
                    {"source": source, "deadline": deadline, "days_left": (deadline - today).days}
                )
        rows.sort(key=lambda row: (row["deadline"], row["source"].title))
        return rows[:limit]

    def newest_offers(self, limit: int = HOME_OFFERS) -> list:
        """The offers published most recently (their types fetched with them)."""
        from site_pages.models.offers import OfferPage

        return list(
            OfferPage.objects.descendant_of(self)
            .live()
            .public()
            .select_related("offer_type", "provider")
            .order_by("-first_published_at", "-pk")[:limit]
        )

    def headline_facts(self, limit: int = HOME_FACTS) -> list:
        """The first facts of the facts page (editors choose them by their order)."""
        from site_pages.models.facts import Fact, FactsPage

        pages = FactsPage.objects.descendant_of(self).live().public()
        return list(
            Fact.objects.filter(page__in=pages).order_by("page__path", "sort_order")[:limit]
        )


def measure_status_counts(ancestor: Page, parent_paths: list[str]) -> dict[str, dict[str, int]]:
    """Parent page path → status → number of live, public measures below it; one query."""
    from site_pages.models.measures import MeasurePage

    if not parent_paths:
        return {}
    grouped = (
        MeasurePage.objects.descendant_of(ancestor)
        .live()
        .public()
        .annotate(parent_path=Left("path", Length("path") - Page.steplen))
        .filter(parent_path__in=parent_paths)
        .values("parent_path", "status")
        .annotate(number=Count("pk"))
        .order_by()
    )
    counts: dict[str, dict[str, int]] = {}
    for row in grouped:
        counts.setdefault(row["parent_path"], {})[row["status"]] = row["number"]
    return counts


def field_row(field: Page, counts: dict[str, int]) -> dict:
    """An action field's row for the start page: its measures' count, status mix and chart."""
    ordered = {status: counts.get(status, 0) for status in MeasureStatus.values}
    return {
        "page": field,
        "total": sum(ordered.values()),
        "counts": ordered,
        "cells": [
            {"label": MeasureStatus(status).label, "count": count}
            for status, count in ordered.items()
        ],
        "chart": status_mix_bar(ordered, f"field-{field.number}-mix"),
    }


class StandardPage(TrackedPageMixin, Page):
    """Free content such as the concept's introduction or the imprint."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body"), FieldPanel("minor_edit")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["site_pages.HomePage", "site_pages.StandardPage"]
    subpage_types = ["site_pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class IndexPage(TrackedPageMixin, Page):
    """Base for the listing pages: an introduction and the live children in order."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("minor_edit")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["site_pages.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def listed_children(self) -> models.QuerySet:
        """The live, public child pages as their specific types."""
        return self.get_children().live().public().specific()

    def get_context(self, request, *args, **kwargs):
        """Add the listed child pages."""
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.listed_children()
        return context
