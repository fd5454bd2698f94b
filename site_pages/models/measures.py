"""Measures (Maßnahmen): the concept's SMART actions, each under its action field."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext
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
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from editorial.permissions import MeasurePermissionTester
from site_pages.blocks import BodyBlock
from site_pages.charts import IndicatorProgress, indicator_progress, progress_shape
from site_pages.choices import FINISHED_MEASURE_STATUSES, MeasureStatus, Priority
from site_pages.dates import add_months
from site_pages.forms import MeasurePageForm
from site_pages.models.mixins import DemoDataMixin, SavedWithRelationsMixin, SearchWordFormsMixin
from site_pages.models.relations import LocalizedRelationsMixin
from site_pages.panels import DemoDataNotePanel, ProgressLogPanel
from translations.tracking import TrackedPageMixin

REVIEW_BOOKKEEPING_FIELDS = ["next_review_due", "last_reviewed_at", "last_reviewed_by_id"]
MEASURE_CODE = re.compile(r"^[1-9]\.[1-9][0-9]?$")
# KERN badge modifier per status: finished well, running, held up, stopped.
STATUS_BADGES = {
    MeasureStatus.PLANNED: "info",
    MeasureStatus.IN_PROGRESS: "info",
    MeasureStatus.ONGOING: "success",
    MeasureStatus.IMPLEMENTED: "success",
    MeasureStatus.DELAYED: "warning",
    MeasureStatus.DISCONTINUED: "danger",
}


class MeasurePage(
    SavedWithRelationsMixin,
    SearchWordFormsMixin,
    LocalizedRelationsMixin,
    TrackedPageMixin,
    DemoDataMixin,
    Page,
):
    """A SMART measure: goal, indicators, rationale, responsibility, dates and review cycle.

    Owner, deputy and the review bookkeeping are editorial data: templates, search and the
    public API never show them.
    """

    code = models.CharField(
        _("code"), max_length=8, help_text=_('Action field number, dot, running number: "3.1".')
    )
    summary = models.TextField(_("summary"))
    description = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    # SMART: Specific, Measurable (indicators), Achievable/Relevant (rationale), Time-bound.
    specific_goal = models.TextField(_("specific goal"))
    rationale = models.TextField(_("rationale"), blank=True)
    # Time-bound: what was planned, and what happened (left empty until it did).
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    # Travel with the draft (stored in its revision) into the progress log when it is
    # published, then cleared; see `site_pages.models.progress`.
    status_justification = models.TextField(
        _("reason for the status change"),
        blank=True,
        help_text=_("Required when the status changes. Shown publicly in the progress log."),
    )
    progress_note = models.TextField(
        _("progress note"),
        blank=True,
        help_text=_(
            "Optional: a dated note for the public progress log, added when this version is "
            "published."
        ),
    )
    priority = models.CharField(
        _("priority"), max_length=8, choices=Priority.choices, default=Priority.MEDIUM
    )
    # Responsibility.
    responsible_organisation = models.ForeignKey(
        "site_pages.Organisation",
        verbose_name=_("responsible organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_for_measures",
    )
    partner_organisations = ParentalManyToManyField(
        "site_pages.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_in_measures",
    )
    # Named measure_owner because Page.owner (the page's creator) is taken.
    measure_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_measures",
        help_text=_("Internal: responsible person, receives review reminders. Never public."),
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deputy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deputised_measures",
        help_text=_("Internal: stands in for the owner. Never public."),
    )
    # Classification and relations.
    districts = ParentalManyToManyField(
        "site_pages.District", verbose_name=_("districts"), blank=True, related_name="measures"
    )
    target_groups = ParentalManyToManyField(
        "site_pages.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="measures",
    )
    related_offers = ParentalManyToManyField(
        "site_pages.OfferPage",
        verbose_name=_("related offers"),
        blank=True,
        related_name="measures",
    )
    related_funding_sources = ParentalManyToManyField(
        "site_pages.FundingSourcePage",
        verbose_name=_("related funding sources"),
        blank=True,
        related_name="measures",
    )
    # Review cycle.
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)
    last_reviewed_at = models.DateTimeField(_("last reviewed at"), null=True, blank=True)
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        DemoDataNotePanel(),
        *Page.content_panels,
        FieldPanel("code"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("minor_edit"),
    ]
    smart_panels = [
        FieldPanel("specific_goal"),
        InlinePanel("indicators", heading=_("Indicators"), label=_("indicator")),
        FieldPanel("rationale"),
        FieldRowPanel(
            [FieldPanel("planned_start"), FieldPanel("planned_end")], heading=_("Planned period")
        ),
        FieldRowPanel(
            [FieldPanel("actual_start"), FieldPanel("actual_end")], heading=_("Actual period")
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("priority")]),
        FieldPanel("status_justification"),
        FieldPanel("progress_note"),
    ]
    responsibility_panels = [
        FieldPanel("responsible_organisation"),
        FieldPanel("partner_organisations"),
        MultiFieldPanel(
            [FieldPanel("measure_owner"), FieldPanel("deputy")],
            heading=_("Persons (internal, never public)"),
        ),
    ]
    relation_panels = [
        FieldPanel("districts"),
        FieldPanel("target_groups"),
        FieldPanel("related_offers"),
        FieldPanel("related_funding_sources"),
    ]
    review_panels = [
        FieldPanel("review_interval_months"),
        FieldPanel("next_review_due", read_only=True),
        FieldRowPanel(
            [
                FieldPanel("last_reviewed_at", read_only=True),
                FieldPanel("last_reviewed_by", read_only=True),
            ]
        ),
        FieldPanel("demo_data_note"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(smart_panels, heading=_("SMART")),
            ObjectList(responsibility_panels, heading=_("Responsibility")),
            ObjectList(relation_panels, heading=_("Relations")),
            ObjectList(review_panels, heading=_("Review")),
            ObjectList([ProgressLogPanel()], heading=_("Progress")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("search_title_forms", boost=2),
        index.SearchField("search_word_forms"),
        index.SearchField("code", boost=3),
        index.AutocompleteField("code"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("specific_goal"),
        index.SearchField("rationale"),
        index.FilterField("status"),
        index.FilterField("priority"),
    ]

    # Texts are translated; the code, references and the editorial notes stay synchronised.
    override_translatable_fields = [
        SynchronizedField("code"),
        SynchronizedField("responsible_organisation"),
        SynchronizedField("demo_data_note"),
        # Editorial input for the source's progress log, not text to translate.
        SynchronizedField("status_justification", overridable=False),
        SynchronizedField("progress_note", overridable=False),
    ]

    parent_page_types = ["site_pages.ActionFieldPage"]
    subpage_types: list[str] = []
    base_form_class = MeasurePageForm

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def clean(self) -> None:
        """Check the code's format and uniqueness per locale, and the order of the dates."""
        super().clean()
        errors: dict[str, str] = {}
        if self.code and not MEASURE_CODE.match(self.code):
            errors["code"] = _('Use the form "3.1": action field number, dot, running number.')
        elif self.code:
            clash = MeasurePage.objects.filter(code=self.code, locale_id=self.locale_id)
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                errors["code"] = _("Another measure already has this code.")
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            errors["planned_end"] = _("The end date lies before the start date.")
        if self.actual_start and self.actual_end and self.actual_end < self.actual_start:
            errors["actual_end"] = _("The end date lies before the start date.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        """A new measure in the review cycle is first due one interval from today.

        The due date is not edited in the form (reviews move it); see `with_content_json`.
        """
        if self._state.adding and self.next_review_due is None and self.is_in_review_cycle:
            self.next_review_due = add_months(timezone.localdate(), self.review_interval_months)
        super().save(*args, **kwargs)

    def with_content_json(self, content: dict) -> "MeasurePage":
        """A revision's content, keeping the review bookkeeping of the database row.

        Reviews are recorded on the row (see `reviews.services.complete_review`); without
        this, publishing an older draft would set the next due date back.
        """
        obj = super().with_content_json(content)
        for name in REVIEW_BOOKKEEPING_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    def permissions_for_user(self, user) -> MeasurePermissionTester:
        """Page permissions plus the owner's role: owner and deputy may edit and submit."""
        return MeasurePermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        """The indicators with their progress and the progress log (newest first), read once."""
        from site_pages.models.progress import progress_timeline

        context = super().get_context(request, *args, **kwargs)
        context["indicators"] = list(self.indicators.all())
        context["indicator_rows"] = indicator_rows(context["indicators"])
        context["progress_entries"] = progress_timeline(self, context["indicators"])
        return context

    @property
    def status_badge(self) -> str:
        """The KERN badge modifier of the status (success, info, warning, danger)."""
        return STATUS_BADGES.get(self.status, "info")

    @property
    def is_in_review_cycle(self) -> bool:
        """Implemented and discontinued measures are no longer reviewed."""
        return self.status not in FINISHED_MEASURE_STATUSES


class MeasureIndicator(TranslatableMixin, Orderable):
    """A measurable indicator of a measure: baseline, target and the latest value.

    Translatable so that its name and unit follow the measure into other languages; the
    numbers and dates are synchronised.
    """

    measure = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit"), max_length=64, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    current_value = models.DecimalField(
        _("current value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    as_of = models.DateField(_("as of"), null=True, blank=True)
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the current value comes from, e.g. a statistics office."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("target")]),
        FieldRowPanel([FieldPanel("current_value"), FieldPanel("as_of")]),
        FieldPanel("source"),
    ]
    # The source of a figure is named as it is (an office, a statistic), like the numbers.
    override_translatable_fields = [SynchronizedField("source", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    def progress(self) -> IndicatorProgress | None:
        """How far the current value has come from the baseline towards the target."""
        return indicator_progress(self.baseline, self.current_value, self.target)

    def progress_text(self, progress: IndicatorProgress | None = None) -> str:
        """The indicator's figures in one sentence: the text alternative of its progress bar."""
        from site_pages.templatetags.teilhabe_i18n import format_number

        progress = progress if progress is not None else self.progress()
        unit = f" {self.unit}" if self.unit else ""
        parts = []
        if self.baseline is not None:
            parts.append(gettext("baseline %(value)s") % {"value": format_number(self.baseline)})
        if self.current_value is not None:
            current = format_number(self.current_value) + unit
            if self.as_of:
                parts.append(
                    gettext("current value %(value)s (as of %(date)s)")
                    % {"value": current, "date": date_format(self.as_of, "SHORT_DATE_FORMAT")}
                )
            else:
                parts.append(gettext("current value %(value)s") % {"value": current})
        else:
            parts.append(gettext("no current value yet"))
        if self.target is not None:
            parts.append(gettext("target %(value)s") % {"value": format_number(self.target) + unit})
        text = f"{self.name}: {', '.join(parts)}"
        if progress is not None and progress.percent is not None:
            text += "; " + gettext("%(percent)s %% of the way from baseline to target") % {
                "percent": progress.percent
            }
        return text + "."

    def clean(self) -> None:
        """A current value needs the date it was measured."""
        super().clean()
        if self.current_value is not None and self.as_of is None:
            raise ValidationError({"as_of": _("Say when the current value was measured.")})


def indicator_rows(indicators: list[MeasureIndicator]) -> list[dict]:
    """Each indicator with its progress, the sentence saying it and the progress bar."""
    rows = []
    for indicator in indicators:
        progress = indicator.progress()
        text = indicator.progress_text(progress)
        shape: SafeString | None = None
        if progress is not None:
            shape = progress_shape(progress, text)
        rows.append(
            {
                "indicator": indicator,
                "progress": progress,
                "text": text,
                "chart": shape,
            }
        )
    return rows
