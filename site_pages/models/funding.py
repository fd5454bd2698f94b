"""Funding sources (Fördermittel): who funds what, for whom, how much and until when."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from site_pages.blocks import RICH_TEXT_FEATURES
from site_pages.choices import ApplicantType, FunderLevel, FundingRegion, FundingStatus, FundingType
from site_pages.fields import ChoiceListField
from site_pages.funding_windows import (
    ApplicationWindow,
    DatedWindow,
    funding_status,
    next_deadline,
    windows_to_show,
)
from site_pages.models.home import IndexPage
from site_pages.models.mixins import (
    DemoDataMixin,
    PublicContactMixin,
    SavedWithRelationsMixin,
    SearchWordFormsMixin,
)
from site_pages.models.offers import FreshnessMixin, freshness_panel, interval_field
from site_pages.models.relations import LocalizedRelationsMixin
from site_pages.panels import DemoDataNotePanel
from translations.tracking import TrackedPageMixin


class FundingIndexPage(IndexPage):
    """The funding overview (Fördermittelübersicht): lists all live funding sources."""

    subpage_types = ["site_pages.FundingSourcePage"]

    class Meta:
        verbose_name = _("funding index")

    def get_context(self, request, *args, **kwargs):
        """List each funding source with today's status and next deadline."""
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        sources = (
            FundingSourcePage.objects.child_of(self).live().public().prefetch_related("deadlines")
        )
        context["funding_rows"] = [
            {"source": s, "status": s.status(today), "next_deadline": s.next_deadline(today)}
            for s in sources
        ]
        return context


class FundingSourcePage(
    SavedWithRelationsMixin,
    SearchWordFormsMixin,
    LocalizedRelationsMixin,
    TrackedPageMixin,
    PublicContactMixin,
    DemoDataMixin,
    FreshnessMixin,
    Page,
):
    """A funding programme with structured amounts, deadlines and a "last checked" date."""

    funder = models.ForeignKey(
        "site_pages.Organisation",
        verbose_name=_("funder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funding_sources",
    )
    funder_level = models.CharField(_("funder level"), max_length=16, choices=FunderLevel.choices)
    funding_type = models.CharField(
        _("funding type"), max_length=16, choices=FundingType.choices, default=FundingType.GRANT
    )
    funding_areas = ParentalManyToManyField(
        "site_pages.FundingArea",
        verbose_name=_("funding areas"),
        blank=True,
        related_name="funding_sources",
    )
    eligible_applicants = ChoiceListField(
        verbose_name=_("eligible applicants"), item_choices=ApplicantType.choices
    )
    region = models.CharField(
        _("region"), max_length=16, choices=FundingRegion.choices, default=FundingRegion.STATE
    )
    summary = models.TextField(_("summary"), blank=True)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    amount_min = models.DecimalField(
        _("minimum amount (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    amount_max = models.DecimalField(
        _("maximum amount (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    own_contribution_percent = models.DecimalField(
        _("own contribution (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    rolling_applications = models.BooleanField(
        _("applications possible at any time"), default=False
    )
    programme_url = models.URLField(_("programme link"), blank=True)
    last_checked = models.DateField(
        _("last checked"),
        null=True,
        blank=True,
        help_text=_("When an editor last checked these details against the funder's own."),
    )
    freshness_interval_months = interval_field(3)

    content_panels = [
        DemoDataNotePanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("programme_url"),
        FieldPanel("minor_edit"),
    ]
    conditions_panels = [
        FieldRowPanel([FieldPanel("funder"), FieldPanel("funder_level")]),
        FieldRowPanel([FieldPanel("funding_type"), FieldPanel("region")]),
        FieldPanel("funding_areas"),
        FieldPanel("eligible_applicants"),
        FieldRowPanel(
            [
                FieldPanel("amount_min"),
                FieldPanel("amount_max"),
                FieldPanel("own_contribution_percent"),
            ],
            heading=_("Amounts"),
        ),
    ]
    deadline_panels = [
        FieldPanel("rolling_applications"),
        InlinePanel("deadlines", heading=_("Application windows"), label=_("window")),
        freshness_panel(),
        *PublicContactMixin.contact_panels,
        FieldPanel("demo_data_note"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(conditions_panels, heading=_("Conditions")),
            ObjectList(deadline_panels, heading=_("Deadlines and contact")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("search_title_forms", boost=2),
        index.SearchField("search_word_forms"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.RelatedFields("funder", [index.SearchField("name")]),
        index.RelatedFields("funding_areas", [index.SearchField("name")]),
        index.FilterField("funder_level"),
        index.FilterField("funding_type"),
        index.FilterField("region"),
    ]

    # Texts are translated; the funder, phone number and editorial notes stay synchronised.
    override_translatable_fields = [
        SynchronizedField("funder"),
        SynchronizedField("contact_phone"),
        SynchronizedField("demo_data_note"),
    ]

    parent_page_types = ["site_pages.FundingIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")

    def clean(self) -> None:
        """The minimum amount must not exceed the maximum."""
        super().clean()
        if (
            self.amount_min is not None
            and self.amount_max is not None
            and self.amount_min > self.amount_max
        ):
            raise ValidationError({"amount_max": _("The maximum is below the minimum.")})

    def get_context(self, request, *args, **kwargs):
        """Add the status, next deadline (and days left), windows and the applicant labels."""
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        context["status"] = self.status(today)
        context["next_deadline"] = self.next_deadline(today)
        context["days_left"] = (
            (context["next_deadline"] - today).days if context["next_deadline"] else None
        )
        context["windows"] = self.windows_to_show(today)
        context["applicant_names"] = self._meta.get_field("eligible_applicants").labels(
            self.eligible_applicants
        )
        return context

    def application_windows(self) -> list[ApplicationWindow]:
        """The funding source's application windows as plain values for the date rules."""
        return [
            ApplicationWindow(
                closes=d.closes_on, opens=d.opens_on, recurs_yearly=d.recurs_yearly, note=d.note
            )
            for d in self.deadlines.all()
        ]

    def next_deadline(self, today: date) -> date | None:
        """The next closing date on or after `today`."""
        return next_deadline(self.application_windows(), today)

    def windows_to_show(self, today: date) -> list[DatedWindow]:
        """The windows listed on `today`: open and coming ones, else the last closed one."""
        return windows_to_show(self.application_windows(), today)

    def status(self, today: date) -> FundingStatus:
        """Open now, opening soon or closed, derived from the windows."""
        return funding_status(self.application_windows(), self.rolling_applications, today)


class FundingDeadline(TranslatableMixin, Orderable):
    """An application window of a funding source: a one-off period or one that recurs yearly.

    Translatable for its note; the dates are synchronised.
    """

    funding_source = ParentalKey(
        FundingSourcePage, on_delete=models.CASCADE, related_name="deadlines"
    )
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"))
    recurs_yearly = models.BooleanField(_("recurs every year"), default=False)
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldRowPanel(
            [FieldPanel("opens_on"), FieldPanel("closes_on"), FieldPanel("recurs_yearly")]
        ),
        FieldPanel("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("application window")
        verbose_name_plural = _("application windows")

    def __str__(self) -> str:
        return f"{self.opens_on or '…'} – {self.closes_on}"

    def clean(self) -> None:
        """A window must close after it opens and, if yearly, last less than a year."""
        super().clean()
        if self.opens_on and self.closes_on:
            if self.closes_on < self.opens_on:
                raise ValidationError({"closes_on": _("The window closes before it opens.")})
            if self.recurs_yearly and (self.closes_on - self.opens_on).days >= 365:
                raise ValidationError(
                    {"closes_on": _("A yearly window must be shorter than a year.")}
                )
