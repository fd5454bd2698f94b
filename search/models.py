"""What people searched for in vain: the basis of the zero-results report."""

from datetime import date

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
