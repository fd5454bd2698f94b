"""StreamField blocks for free-form page bodies and measure descriptions."""

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
