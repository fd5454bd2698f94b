"""Translatable snippets the concept refers to: organisations, districts, target groups, types.

Every snippet keeps revisions (history, compare, revert). Organisations also have a draft
state and locking, like pages: their contact details change, and a change is published when
it is checked. The row of an organisation holds its published state; drafts live in revisions.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from site_pages.choices import OrganisationKind
from site_pages.models.mixins import DemoDataMixin, PublicContactMixin
from site_pages.panels import DemoDataNotePanel
from translations.tracking import TrackedSnippetForm, TranslationTrackingMixin


class NamedSnippet(
    TranslationTrackingMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model
):
    """Base for the small vocabularies: a translatable name, a description, revisions."""

    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("minor_edit")]
    base_form_class = TrackedSnippetForm
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def with_content_json(self, content: dict) -> "NamedSnippet":
        """This snippet as a revision has it, keeping when its text last changed.

        `content_changed_at` belongs to the object, not to a revision: publishing or reverting
        to an older revision must not move it back (`translations.tracking` stamps anew when
        the text differs).
        """
        obj = super().with_content_json(content)
        obj.content_changed_at = self.content_changed_at
        return obj


class Organisation(DraftStateMixin, LockableMixin, PublicContactMixin, DemoDataMixin, NamedSnippet):
    """A provider, funder, authority or network partner (Netzwerk/Kooperationsstruktur).

    Drafts, publishing and locking as for pages; the public sees only a live organisation.
    """

    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    website = models.URLField(_("website"), blank=True)

    panels = [
        DemoDataNotePanel(),
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        *PublicContactMixin.contact_panels,
        FieldPanel("demo_data_note"),
        FieldPanel("minor_edit"),
    ]

    # Name and description are translated; contact details and the kind stay synchronised.
    override_translatable_fields = [
        SynchronizedField("contact_phone"),
        SynchronizedField("demo_data_note"),
    ]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")


class District(NamedSnippet):
    """A district (Sozialraum) of the city that offers and measures are tagged with."""

    class Meta(NamedSnippet.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class TargetGroup(NamedSnippet):
    """A group of people an offer or measure is meant for (Zielgruppe)."""

    class Meta(NamedSnippet.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class OfferType(NamedSnippet):
    """What kind of offer something is: counselling, language course, meeting place, guide."""

    class Meta(NamedSnippet.Meta):
        verbose_name = _("offer type")
        verbose_name_plural = _("offer types")


class FundingArea(NamedSnippet):
    """A thematic area a funding source supports (Förderbereich)."""

    class Meta(NamedSnippet.Meta):
        verbose_name = _("funding area")
        verbose_name_plural = _("funding areas")
