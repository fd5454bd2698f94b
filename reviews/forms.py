"""Forms of the review cycle: completing a review, and the reminder preference."""

from django import forms
from django.utils.translation import gettext_lazy as _

from reviews.models import AddressPreference, ReminderPreference, ReviewOutcome


class ReviewForm(forms.Form):
    """Outcome and an optional comment; "confirmed unchanged" is preselected (one click)."""

    outcome = forms.ChoiceField(
        label=_("Result of the review"),
        choices=ReviewOutcome.choices,
        initial=ReviewOutcome.CONFIRMED,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, max_length=2000, widget=forms.Textarea
    )


class ReminderPreferenceForm(forms.ModelForm):
    """Whether to receive reminders before a review is due."""

    class Meta:
        model = ReminderPreference
        fields = ["due_soon_reminders"]


class AddressPreferenceForm(forms.ModelForm):
    """The same choice for a contact address without a user account."""

    class Meta:
        model = AddressPreference
        fields = ["due_soon_reminders"]


class ConfirmCurrentForm(forms.Form):
    """ "Still current": one button, with an optional comment."""

    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, max_length=2000, widget=forms.Textarea
    )
