"""Action fields (Handlungsfelder): the concept's nine thematic chapters."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from site_pages.blocks import RICH_TEXT_FEATURES
from site_pages.models.home import IndexPage
from site_pages.models.mixins import SavedWithRelationsMixin, SearchWordFormsMixin
from translations.tracking import TrackedPageMixin


class ActionFieldIndexPage(IndexPage):
    """Lists the action fields in their numbered order."""

    subpage_types = ["site_pages.ActionFieldPage"]

    class Meta:
        verbose_name = _("action field index")

    def listed_children(self):
        """Action fields ordered by their number, not by tree position."""
        return ActionFieldPage.objects.child_of(self).live().public().order_by("number")


class ActionFieldPage(SavedWithRelationsMixin, SearchWordFormsMixin, TrackedPageMixin, Page):
    """One action field (Handlungsfeld), numbered 1–9, with its goals and measures."""

    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    summary = models.TextField(_("summary"), blank=True)
    goals = RichTextField(_("goals"), features=RICH_TEXT_FEATURES, blank=True)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coordinated_action_fields",
        help_text=_("Internal: receives review escalations. Never shown publicly."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("goals"),
        FieldPanel("minor_edit"),
    ]
    responsibility_panels = [FieldPanel("coordinator")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(responsibility_panels, heading=_("Responsibility")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("search_title_forms", boost=2),
        index.SearchField("search_word_forms"),
        index.SearchField("summary"),
        index.SearchField("goals"),
        index.FilterField("number"),
    ]

    parent_page_types = ["site_pages.ActionFieldIndexPage"]
    subpage_types = ["site_pages.MeasurePage"]

    class Meta:
        verbose_name = _("action field")
        verbose_name_plural = _("action fields")

    def clean(self) -> None:
        """Keep each number unique among the action fields of one locale."""
        super().clean()
        clash = ActionFieldPage.objects.filter(number=self.number, locale_id=self.locale_id)
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        if self.number is not None and clash.exists():
            raise ValidationError({"number": _("Another action field already has this number.")})

    def measures(self):
        """The live, public measures of this field in the order editors gave them."""
        from site_pages.models.measures import MeasurePage

        return MeasurePage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        """Add this field's measures with their indicators' progress, and the status mix.

        Two queries for the measures and all their indicators, however many there are.
        """
        from site_pages.charts import status_legend, status_mix_bar
        from site_pages.choices import MeasureStatus
        from site_pages.models.measures import indicator_rows

        context = super().get_context(request, *args, **kwargs)
        measures = list(self.measures().prefetch_related("indicators"))
        context["measures"] = measures
        context["measure_rows"] = [
            {"measure": measure, "indicators": indicator_rows(list(measure.indicators.all()))}
            for measure in measures
        ]
        counts = {status: 0 for status in MeasureStatus.values}
        for measure in measures:
            counts[measure.status] = counts.get(measure.status, 0) + 1
        context["status_counts"] = [
            {"label": label, "count": counts[status]} for status, label in MeasureStatus.choices
        ]
        context["status_total"] = len(measures)
        context["status_chart"] = status_mix_bar(counts, f"field-{self.number}-status")
        context["status_legend"] = status_legend("field-legend")
        return context
