"""Data and facts (Daten- und Faktensammlung): figures with unit, reference date and source."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from site_pages.blocks import RICH_TEXT_FEATURES, FactsBodyBlock
from site_pages.models.mixins import SavedWithRelationsMixin, SearchWordFormsMixin
from translations.tracking import TrackedPageMixin


class FactsPage(SavedWithRelationsMixin, SearchWordFormsMixin, TrackedPageMixin, Page):
    """The concept's data section: a list of sourced figures plus free text around them."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(FactsBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("facts", heading=_("Facts"), label=_("fact")),
        FieldPanel("body"),
        FieldPanel("minor_edit"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("search_title_forms", boost=2),
        index.SearchField("search_word_forms"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("facts", [index.SearchField("label"), index.SearchField("source")]),
    ]

    parent_page_types = ["site_pages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("facts page")


class Fact(TranslatableMixin, Orderable):
    """One figure: what is counted, the value and unit, its reference date and its source.

    Label, unit and source are translated; value, date and link are synchronised.
    """

    page = ParentalKey(FactsPage, on_delete=models.CASCADE, related_name="facts")
    label = models.CharField(_("label"), max_length=255)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=64, blank=True)
    reference_date = models.DateField(_("reference date"))
    source = models.CharField(_("source"), max_length=255)
    source_url = models.URLField(_("source link"), blank=True)

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit"), FieldPanel("reference_date")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("fact")
        verbose_name_plural = _("facts")

    def __str__(self) -> str:
        return f"{self.label}: {self.value} {self.unit}".strip()
