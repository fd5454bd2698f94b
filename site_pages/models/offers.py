"""Offers (Angebote): the digital offer catalogue of counselling, courses and meeting places."""

from datetime import date, datetime
from urllib.parse import urlencode

from django.conf import settings
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
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from site_pages.blocks import RICH_TEXT_FEATURES
from site_pages.choices import OFFER_LANGUAGES, Cost, Weekday
from site_pages.dates import add_months
from site_pages.fields import ChoiceListField
from site_pages.models.home import IndexPage
from site_pages.models.mixins import (
    DemoDataMixin,
    PublicContactMixin,
    SavedWithRelationsMixin,
    SearchWordFormsMixin,
)
from site_pages.models.relations import LocalizedRelationsMixin
from site_pages.opening_hours import OpeningState, local_now, opening_state, slots_of
from site_pages.panels import DemoDataNotePanel
from translations.tracking import TrackedPageMixin


class FreshnessMixin(models.Model):
    """Freshness review of a page: when it was last checked, how often, and by whom (internal).

    The responsible user and address are editorial data: never shown on public pages, in
    search or in the API. Concrete pages add `last_checked` and the interval (their defaults
    differ). Checks are recorded on the row (`reviews.services.confirm_current`);
    `with_content_json` keeps the later of the row's and the revision's date, so publishing
    an older draft does not set the check back while an editor can still enter a later date.
    """

    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Internal: asked regularly whether the entry is still current. Never public."),
    )
    responsible_email = models.EmailField(
        _("responsible address"),
        blank=True,
        help_text=_(
            "Internal: asked instead when no responsible person is set. If empty, the "
            "organisation's public email address is asked."
        ),
    )

    class Meta:
        abstract = True

    def freshness_due(self) -> date | None:
        """When the next check is due: an interval after the last check, else after publication."""
        if self.last_checked:
            checked = self.last_checked
        elif self.first_published_at:
            checked = timezone.localdate(self.first_published_at)
        else:
            return None
        return add_months(checked, self.freshness_interval_months)

    def with_content_json(self, content: dict):
        """A revision's content, keeping the later "last checked" date (row or revision)."""
        obj = super().with_content_json(content)
        if self.last_checked and (obj.last_checked is None or obj.last_checked < self.last_checked):
            obj.last_checked = self.last_checked
        return obj


def freshness_panel() -> MultiFieldPanel:
    """The admin panel of the freshness review fields."""
    return MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("last_checked"), FieldPanel("freshness_interval_months")]),
            FieldRowPanel([FieldPanel("responsible_user"), FieldPanel("responsible_email")]),
        ],
        heading=_("Freshness review (internal)"),
    )


def interval_field(default: int) -> models.PositiveSmallIntegerField:
    """The freshness interval in months (1–60), with the page type's default."""
    return models.PositiveSmallIntegerField(
        _("check every (months)"),
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("The responsible person is asked after so many months whether it is current."),
    )


class OfferIndexPage(IndexPage):
    """The offer catalogue: lists all live offers."""

    subpage_types = ["site_pages.OfferPage"]

    class Meta:
        verbose_name = _("offer index")


class OfferPage(  # noqa: DJ008 (Page's __str__; ruff takes the local mixin for the model base)
    SavedWithRelationsMixin,
    SearchWordFormsMixin,
    LocalizedRelationsMixin,
    TrackedPageMixin,
    PublicContactMixin,
    DemoDataMixin,
    FreshnessMixin,
    Page,
):
    """One offer: who provides it, for whom, in which languages, where, when and at what cost."""

    provider = models.ForeignKey(
        "site_pages.Organisation",
        verbose_name=_("provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offers",
    )
    offer_type = models.ForeignKey(
        "site_pages.OfferType",
        verbose_name=_("offer type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offers",
    )
    summary = models.TextField(_("summary"), blank=True)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    target_groups = ParentalManyToManyField(
        "site_pages.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="offers"
    )
    languages = ChoiceListField(
        verbose_name=_("languages"),
        item_choices=OFFER_LANGUAGES,
        help_text=_("Languages the offer is given in (ISO 639-1)."),
    )
    districts = ParentalManyToManyField(
        "site_pages.District", verbose_name=_("districts"), blank=True, related_name="offers"
    )
    street_address = models.CharField(_("street and number"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    locality = models.CharField(_("town"), max_length=100, blank=True, default="Eisenach")
    opening_hours_note = models.CharField(
        _("note on opening hours"),
        max_length=255,
        blank=True,
        help_text=_('E.g. "appointments by arrangement" or "not during school holidays".'),
    )
    cost = models.CharField(_("cost"), max_length=8, choices=Cost.choices, default=Cost.FREE)
    cost_note = models.CharField(_("note on cost"), max_length=255, blank=True)
    registration_required = models.BooleanField(_("registration required"), default=False)
    barrier_free = models.BooleanField(_("barrier-free access"), default=False)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    related_action_fields = ParentalManyToManyField(
        "site_pages.ActionFieldPage",
        verbose_name=_("related action fields"),
        blank=True,
        related_name="offers",
    )
    last_checked = models.DateField(
        _("last checked"),
        null=True,
        blank=True,
        help_text=_("When the offer's details were last confirmed as current."),
    )
    freshness_interval_months = interval_field(6)

    content_panels = [
        DemoDataNotePanel(),
        *Page.content_panels,
        FieldPanel("provider"),
        FieldPanel("offer_type"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("minor_edit"),
    ]
    audience_panels = [
        FieldPanel("target_groups"),
        FieldPanel("languages"),
        FieldPanel("districts"),
        FieldPanel("related_action_fields"),
    ]
    access_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
            ],
            heading=_("Address"),
        ),
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("opening time")),
        FieldPanel("opening_hours_note"),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_note")]),
        FieldRowPanel([FieldPanel("registration_required"), FieldPanel("barrier_free")]),
        *PublicContactMixin.contact_panels,
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")], heading=_("Validity")),
        freshness_panel(),
        FieldPanel("demo_data_note"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(audience_panels, heading=_("Audience")),
            ObjectList(access_panels, heading=_("Place, time and cost")),
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
        index.SearchField("street_address"),
        index.RelatedFields("provider", [index.SearchField("name")]),
        index.RelatedFields("offer_type", [index.SearchField("name")]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("districts", [index.SearchField("name")]),
        index.FilterField("cost"),
        index.FilterField("barrier_free"),
        index.FilterField("registration_required"),
    ]

    # Texts are translated; the address, phone, references and editorial notes stay synchronised.
    override_translatable_fields = [
        SynchronizedField("provider"),
        SynchronizedField("offer_type"),
        SynchronizedField("street_address"),
        SynchronizedField("postal_code"),
        SynchronizedField("locality"),
        SynchronizedField("contact_phone"),
        SynchronizedField("demo_data_note"),
    ]

    parent_page_types = ["site_pages.OfferIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def clean(self) -> None:
        """A fee needs a note; the validity period must not end before it starts."""
        super().clean()
        errors = {}
        if self.cost == Cost.FEE and not self.cost_note.strip():
            errors["cost_note"] = _("Say what the offer costs and whether reductions exist.")
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("The offer cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_free(self) -> bool:
        """Whether the offer costs nothing."""
        return self.cost == Cost.FREE

    def language_names(self) -> list[str]:
        """The names of the offer's languages, in the reader's language."""
        return self._meta.get_field("languages").labels(self.languages)

    def is_current(self, today: date) -> bool:
        """Whether the offer is valid on `today`."""
        if self.valid_from and today < self.valid_from:
            return False
        return not (self.valid_until and today > self.valid_until)

    @property
    def full_address(self) -> str:
        """Street, postal code and town in one line ("" without a street)."""
        if not self.street_address:
            return ""
        town = " ".join(part for part in (self.postal_code, self.locality) if part)
        return ", ".join(part for part in (self.street_address, town) if part)

    @property
    def openstreetmap_url(self) -> str:
        """A search for the address on OpenStreetMap ("" without an address)."""
        address = self.full_address
        if not address:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": address})

    def opening_state(self, now: datetime | None = None) -> OpeningState | None:
        """Open now or when it opens next, in the site's time zone; None while not valid."""
        moment = local_now(now)
        if not self.is_current(moment.date()):
            return None
        return opening_state(slots_of(self.opening_hours.all()), moment)

    def get_context(self, request, *args, **kwargs):
        """Add the opening state at the moment of the request (site time zone)."""
        context = super().get_context(request, *args, **kwargs)
        now = local_now()
        context["now"] = now
        context["opening"] = self.opening_state(now)
        context["today"] = now.date()
        return context


class OpeningHours(Orderable):
    """One opening time of an offer: a weekday with opening and closing time."""

    offer = ParentalKey(OfferPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening time")
        verbose_name_plural = _("opening hours")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self) -> None:
        """Closing must come after opening."""
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})
