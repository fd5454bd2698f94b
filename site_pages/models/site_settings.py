"""Per-site settings editors keep in the admin: the city's name, its logo and the legal pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What frames every public page: the city's name and logo, and the pages its footer links.

    The page links point at the German source pages; templates show the reader's translation.
    """

    city_name = models.CharField(_("name of the city"), max_length=120, default="Stadt Eisenach")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the header beside the city's name. SVG or PNG, at least 96 px high."),
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("imprint"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    feedback_email = models.EmailField(
        _("address for accessibility feedback"),
        blank=True,
        help_text=_("Receives the accessibility feedback form's messages."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("city_name"), FieldPanel("logo")], heading=_("Header")),
        MultiFieldPanel(
            [
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("contact_page"),
                FieldPanel("feedback_email"),
            ],
            heading=_("Footer and legal pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
