"""StreamField blocks for free-form page bodies and measure descriptions."""

import hashlib
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    """A section heading (h2 or h3) that structures a long text."""

    text = blocks.CharBlock(label=_("text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2", label=_("level")
    )

    class Meta:
        label = _("heading")
        icon = "title"
        template = "site_pages/blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    """A highlighted note, e.g. a deadline or a hint for newcomers."""

    title = blocks.CharBlock(required=False, label=_("title"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("text"))

    class Meta:
        label = _("callout")
        icon = "warning"
        template = "site_pages/blocks/callout.html"


class LinkBlock(blocks.StructBlock):
    """A labelled link to a page of this site or an external address."""

    label = blocks.CharBlock(label=_("label"))
    page = blocks.PageChooserBlock(required=False, label=_("page"))
    url = blocks.URLBlock(required=False, label=_("external URL"))

    class Meta:
        icon = "link"

    def clean(self, value):
        """Require exactly one target: a page or a URL."""
        cleaned = super().clean(value)
        if bool(cleaned.get("page")) == bool(cleaned.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": blocks.BlockValidationError(_("Choose a page or a URL."))}
            )
        return cleaned


class BodyBlock(blocks.StreamBlock):
    """The free content of standard pages and measure descriptions."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("paragraph"))
    callout = CalloutBlock()
    links = blocks.ListBlock(LinkBlock(), label=_("links"), template="site_pages/blocks/links.html")


class ChartItemBlock(blocks.StructBlock):
    """One bar of a chart: what is counted and its figure."""

    label = blocks.CharBlock(label=_("label"))
    value = blocks.DecimalBlock(label=_("value"), min_value=0, decimal_places=2)

    class Meta:
        label = _("bar")


class ChartBlock(blocks.StructBlock):
    """A bar chart of a few figures, drawn as SVG, with a text alternative and a data table.

    "Parts of a total" draws each figure against the total (3 818 people, of whom 1 260 …);
    "percentages" against 100 %; without a total, bars are measured against the largest
    figure. Labels, unit and notes are translated with the page; the figures stay as they are.
    """

    title = blocks.CharBlock(label=_("title"))
    kind = blocks.ChoiceBlock(
        choices=[
            ("parts", _("parts of a total")),
            ("percent", _("percentages")),
            ("compare", _("compare figures")),
        ],
        default="parts",
        label=_("kind"),
    )
    total = blocks.DecimalBlock(
        required=False,
        min_value=0,
        decimal_places=2,
        label=_("total"),
        help_text=_('For "parts of a total": the figure all bars are a part of.'),
    )
    total_label = blocks.CharBlock(
        required=False, label=_("what the total counts"), help_text=_('E.g. "all migrants".')
    )
    unit = blocks.CharBlock(required=False, label=_("unit"), help_text=_('E.g. "people".'))
    items = blocks.ListBlock(ChartItemBlock(), label=_("bars"), min_num=1)
    note = blocks.TextBlock(
        required=False,
        label=_("note"),
        help_text=_("E.g. what the figures do not say, or where categories overlap."),
    )
    source = blocks.CharBlock(required=False, label=_("source"))
    reference_date = blocks.DateBlock(required=False, label=_("reference date"))

    class Meta:
        label = _("chart")
        icon = "table"
        template = "site_pages/blocks/chart.html"

    def clean(self, value):
        """Parts need their total and may not exceed it; percentages may not exceed 100."""
        cleaned = super().clean(value)
        total = cleaned.get("total")
        if cleaned.get("kind") == "parts":
            if total is None:
                raise blocks.StructBlockValidationError(
                    block_errors={"total": blocks.BlockValidationError(_("Give the total."))}
                )
            if any(item["value"] > total for item in cleaned.get("items") or []):
                raise blocks.StructBlockValidationError(
                    block_errors={
                        "total": blocks.BlockValidationError(_("A bar is larger than the total."))
                    }
                )
        if cleaned.get("kind") == "percent" and any(
            item["value"] > 100 for item in cleaned.get("items") or []
        ):
            raise blocks.StructBlockValidationError(
                block_errors={"items": blocks.BlockValidationError(_("A percentage is above 100."))}
            )
        return cleaned

    def get_context(self, value, parent_context=None):
        """Add the bar rows, the scale, an element id and the text alternative."""
        from site_pages.charts import bar_rows
        from site_pages.templatetags.teilhabe_i18n import format_number

        context = super().get_context(value, parent_context=parent_context)
        kind = value.get("kind")
        items = [(item["label"], item["value"]) for item in value.get("items") or []]
        scale = {"parts": value.get("total"), "percent": Decimal(100)}.get(kind)
        rows = bar_rows(items, scale)
        unit = f" {value['unit']}" if value.get("unit") else ""
        parts = []
        for row in rows:
            if kind == "percent":
                parts.append(f"{row.label}: {format_number(row.value)} %")
            elif kind == "parts":
                parts.append(
                    gettext("%(label)s: %(value)s (%(percent)s %% of %(total)s)")
                    % {
                        "label": row.label,
                        "value": format_number(row.value) + unit,
                        "percent": format_number(row.percent),
                        "total": format_number(value["total"]),
                    }
                )
            else:
                parts.append(f"{row.label}: {format_number(row.value)}{unit}")
        description = f"{value.get('title')}. " + "; ".join(parts) + "."
        if kind == "parts" and value.get("total_label"):
            description += " " + gettext("Total (%(what)s): %(total)s") % {
                "what": value["total_label"],
                "total": format_number(value["total"]) + unit,
            }
        if value.get("reference_date"):
            description += " " + gettext("As of %(date)s.") % {
                "date": date_format(value["reference_date"], "SHORT_DATE_FORMAT")
            }
        digest = hashlib.sha1(
            repr((value.get("title"), items)).encode("utf-8"), usedforsecurity=False
        ).hexdigest()[:10]
        context.update(
            {
                "rows": rows,
                "kind": kind,
                "chart_id": f"chart-{digest}",
                "description": description,
            }
        )
        return context


class RankingItemBlock(blocks.StructBlock):
    """One place of a ranking: a name and, where known, its figure."""

    label = blocks.CharBlock(label=_("label"))
    value = blocks.DecimalBlock(required=False, min_value=0, decimal_places=2, label=_("value"))

    class Meta:
        label = _("place")


class RankingBlock(blocks.StructBlock):
    """An ordered list, such as the main countries of origin; figures only where known."""

    title = blocks.CharBlock(label=_("title"))
    unit = blocks.CharBlock(required=False, label=_("unit"))
    items = blocks.ListBlock(RankingItemBlock(), label=_("places"), min_num=1)
    note = blocks.TextBlock(required=False, label=_("note"))
    source = blocks.CharBlock(required=False, label=_("source"))
    reference_date = blocks.DateBlock(required=False, label=_("reference date"))

    class Meta:
        label = _("ranking")
        icon = "list-ol"
        template = "site_pages/blocks/ranking.html"


class FactsBodyBlock(BodyBlock):
    """The facts page's free content: text blocks plus charts and rankings of figures."""

    chart = ChartBlock()
    ranking = RankingBlock()
