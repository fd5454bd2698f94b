"""Shortcuts for tests: the German (source) content of the demo."""

from django.db.models import Model, QuerySet


def german(model: type[Model]) -> QuerySet:
    """The model's objects in the source locale (the demo also has en/ar translations)."""
    return model.objects.filter(locale__language_code="de")
