"""Model fields of our own: a list of choices stored as JSON, edited as checkboxes."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """A list of codes from a fixed vocabulary (languages, applicant types), kept in order.

    Stored as a JSON array so it works on SQLite and PostgreSQL alike and is synchronised,
    not translated, by wagtail-localize; edited with one checkbox per choice.
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        """Keep the vocabulary out of migrations: it is code, not schema."""
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, kwargs

    def validate(self, value, model_instance) -> None:
        """Reject codes outside the vocabulary and duplicates."""
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError(_("Expected a list of codes."), code="invalid")
        known = {code for code, _label in self.item_choices}
        unknown = [code for code in value if code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown values: %(codes)s"),
                code="invalid_choice",
                params={"codes": ", ".join(map(str, unknown))},
            )
        if len(set(value)) != len(value):
            raise ValidationError(_("A value appears twice."), code="duplicate")

    def formfield(self, **kwargs):
        """Edit the list as checkboxes over the vocabulary."""
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, value: list[str]) -> list[str]:
        """Return the display labels for the stored codes, in the stored order."""
        names = dict(self.item_choices)
        return [str(names.get(code, code)) for code in value or []]
