"""Synonym sets: words public search treats as the same, per language (`search.synonyms`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin


class SynonymSet(TranslatableMixin, models.Model):
    """Words that mean the same to a reader, searched for each other ("Kita, Kindergarten")."""

    terms = models.TextField(
        _("words"),
        help_text=_(
            "Words or phrases that should find each other, separated by commas, e.g. "
            "“Kita, Kindergarten, Kindertagesstätte”. Takes effect at once, without reindexing."
        ),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonym sets")

    def __str__(self) -> str:
        return ", ".join(self.words())

    def words(self) -> list[str]:
        """The set's words and phrases, trimmed, in the editor's order, without repeats."""
        words = [" ".join(term.split()) for term in self.terms.split(",")]
        return list(dict.fromkeys(word for word in words if word))
