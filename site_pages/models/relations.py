"""Relations shown in the reader's language.

wagtail-localize does not synchronise many-to-many fields. teilhabe treats a page's relations
(districts, target groups, related offers, …) as synchronised from the German source page and
shows each related object in the page's own locale where a translation exists.
"""

from functools import cached_property

from django.db import models
from wagtail.models import Locale, Page

from site_pages.languages import localize_all


class LocalizedRelationsMixin:
    """Gives a translatable page its source's relations, translated into its own locale."""

    @cached_property
    def source_page(self) -> Page:
        """The page in the default locale this page was translated from (or itself).

        Cached: a page renders several relations, all read from the same source.
        """
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def related_in_locale(self, field_name: str) -> list[models.Model]:
        """The objects of the relation `field_name`, taken from the source page, localized.

        Related pages are shown only while live and public. In previews (edit form, revision,
        workflow) the relation of the previewed page is modelcluster's in-memory FakeQuerySet,
        which has no `live()`: the filter runs on a real queryset of the related ids instead,
        keeping the relation's order, so saved pages and previews take the same path.
        """
        related = getattr(self.source_page, field_name).all()
        objects = list(related)
        if issubclass(related.model, Page) and objects:
            visible = set(
                related.model.objects.filter(pk__in=[obj.pk for obj in objects])
                .live()
                .public()
                .values_list("pk", flat=True)
            )
            objects = [obj for obj in objects if obj.pk in visible]
        return localize_all(objects, self.locale)
