"""Search data: zero-result queries, pending engine updates and the facet store."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class ZeroResultQuery(models.Model):
    """How often a query found nothing, per language and day (no personal data is stored)."""

    query = models.CharField(_("query"), max_length=200)
    language_code = models.CharField(_("language"), max_length=8)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language_code", "day"], name="unique_zero_result_query_per_day"
            )
        ]
        indexes = [models.Index(fields=["day", "language_code"])]

    def __str__(self) -> str:
        return f"{self.query} ({self.language_code}, {self.day}): {self.count}"

    @classmethod
    def record(cls, query: str, language_code: str, day: date) -> None:
        """Count one search for `query` that found nothing (case and spacing folded)."""
        normalized = " ".join(query.lower().split())[:200]
        if not normalized:
            return
        entry, _created = cls.objects.get_or_create(
            query=normalized, language_code=language_code, day=day
        )
        cls.objects.filter(pk=entry.pk).update(count=F("count") + 1)


class PendingIndexUpdate(models.Model):
    """An object whose engine index entry could not be written (engine down): replay it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    recorded_at = models.DateTimeField(auto_now=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("pending search index update")
        verbose_name_plural = _("pending search index updates")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_update_per_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"

    @classmethod
    def remember(cls, obj: models.Model, error: Exception) -> None:
        """Note that `obj` must be indexed (or removed) again once the engine is back."""
        cls.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
            defaults={"last_error": f"{type(error).__name__}: {error}"[:300]},
        )


class SearchEntry(models.Model):
    """A live, public, searchable page as database search sees it (`search.store`)."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    published = models.DateTimeField(null=True)
    rolling = models.BooleanField(default=False)
    indexed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["locale", "published"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.page_id}"


class SearchFacetValue(models.Model):
    """One stored facet value of a search entry (a district id, a language code, "1" …)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=30)
    value = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("search facet value")
        verbose_name_plural = _("search facet values")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "facet", "value"], name="one_facet_value_per_entry"
            )
        ]
        indexes = [models.Index(fields=["facet", "value", "entry"])]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.facet}={self.value}"


class SearchWindow(models.Model):
    """One occurrence of a funding source's application window (yearly ones expanded)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="windows")
    opens = models.DateField(null=True)
    closes = models.DateField()

    class Meta:
        verbose_name = _("search application window")
        verbose_name_plural = _("search application windows")
        indexes = [models.Index(fields=["closes", "entry"])]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.opens}–{self.closes}"
