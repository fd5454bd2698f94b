"""Small abstract building blocks shared by several page types and snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from site_pages.panels import DemoDataNotePanel


class PublicContactMixin(models.Model):
    """How the public reaches a service: a phone, a mailbox and a web page, never a person."""

    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_email = models.EmailField(
        _("email"), blank=True, help_text=_("The service's mailbox, not a person's address.")
    )
    contact_website = models.URLField(_("website"), blank=True)

    contact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
                FieldPanel("contact_website"),
            ],
            heading=_("Public contact"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def has_public_contact(self) -> bool:
        """Whether any public contact channel is filled in."""
        return bool(self.contact_phone or self.contact_email or self.contact_website)


class DemoDataMixin(models.Model):
    """Marks content whose details were invented for the demo, shown as a warning in the admin."""

    demo_data_note = models.CharField(
        _("demo data note"),
        max_length=255,
        blank=True,
        help_text=_("Filled by the demo loader; clear it once the details have been checked."),
    )

    demo_panels = [DemoDataNotePanel(), FieldPanel("demo_data_note")]

    class Meta:
        abstract = True


class SavedWithRelationsMixin:
    """Sends `page_saved_with_relations` after a save has written the page's relations too.

    modelcluster writes parental many-to-many relations and inline rows after Django's
    post_save; whoever reads them from the database (public search's facet values) listens
    to this signal instead.
    """

    def save(self, *args, **kwargs):
        """Save as usual, then announce that the relations are written."""
        from site_pages.signals import page_saved_with_relations

        result = super().save(*args, **kwargs)
        page_saved_with_relations.send(sender=type(self), instance=self)
        return result


class SearchWordFormsMixin(models.Model):
    """Gives a page the index fields of extra word forms: compound parts, stems, spellings.

    `search_title_forms` (weighted like a title) and `search_word_forms` hold extra forms of
    the words in the title and in the page's other text search fields, so that every search
    backend finds "Sprachkurs" for "Kurs" (see `translations.words`). An abstract model, so that
    modelsearch can name the fields after where they are defined, once for all page types.
    """

    class Meta:
        abstract = True

    @classmethod
    def get_indexed_objects(cls):
        """The pages to index, with what indexing reads loaded in bulk, not once per page.

        modelsearch prefetches the relations named in `RelatedFields` except modelcluster's
        `ParentalManyToManyField` (districts, target groups, funding areas), which then cost
        one query per page, relation and index field; and every page reads its locale.
        """
        from django.core.exceptions import FieldDoesNotExist
        from modelcluster.fields import ParentalManyToManyField
        from modelsearch import index

        parental = []
        for search_field in cls.get_search_fields():
            if not isinstance(search_field, index.RelatedFields):
                continue
            try:
                model_field = cls._meta.get_field(search_field.field_name)
            except FieldDoesNotExist:
                continue
            if isinstance(model_field, ParentalManyToManyField):
                parental.append(search_field.field_name)
        return super().get_indexed_objects().select_related("locale").prefetch_related(*parental)

    def _text_language_code(self) -> str:
        """The language this page's text is written in (a fallback alias shows German)."""
        return "de" if self.alias_of_id else self.locale.language_code

    def search_title_forms(self) -> str:
        """Extra word forms of this page's title."""
        from translations.words import word_forms

        return " ".join(word_forms(self.title, self._text_language_code()))

    def search_word_forms(self) -> str:
        """Extra word forms of this page's other searchable text."""
        from django.utils.html import strip_tags
        from modelsearch import index

        from translations.words import word_forms

        texts = []
        for search_field in self.get_search_fields():
            if isinstance(
                search_field, index.SearchField
            ) and not search_field.field_name.startswith(("title", "search_")):
                value = getattr(self, search_field.field_name, None)
                if isinstance(value, str):
                    texts.append(strip_tags(value))
        return " ".join(word_forms(" ".join(texts), self._text_language_code()))
