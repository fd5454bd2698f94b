"""The site's root page and free-content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from site_pages.blocks import RICH_TEXT_FEATURES, BodyBlock
from translations.tracking import TrackedPageMixin


class HomePage(TrackedPageMixin, Page):
    """The start page of one locale: what teilhabe is and where to go next."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("minor_edit")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "site_pages.ActionFieldIndexPage",
        "site_pages.OfferIndexPage",
        "site_pages.FundingIndexPage",
        "site_pages.FactsPage",
        "site_pages.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """Add the live sections below the home page, for the start page's tiles."""
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        return context


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
