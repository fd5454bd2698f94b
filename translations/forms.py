"""Admin forms that record when a source changed significantly (not for minor edits)."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

MINOR_EDIT_HELP = _(
    "Tick for typo fixes and similar small edits: existing translations are then not marked "
    "as outdated."
)


def significant_change_time() -> datetime:
    """Now, truncated to the second, for stamping `content_changed_at`.

    wagtail-localize copies the stamp to translations through JSON with milliseconds; finer
    precision would make a freshly synced translation look older than its source.
    """
    return timezone.now().replace(microsecond=0)


class MinorEditFormMixin(forms.Form):
    """Adds a "minor edit" checkbox; without it, saving stamps `content_changed_at`."""

    minor_edit = forms.BooleanField(
        label=_("Minor edit"), required=False, help_text=MINOR_EDIT_HELP
    )

    def save(self, commit=True):
        """Stamp the significant-change time unless the editor marked the edit as minor."""
        if not self.cleaned_data.get("minor_edit"):
            self.instance.content_changed_at = significant_change_time()
        return super().save(commit=commit)


class TrackedPageForm(MinorEditFormMixin, WagtailAdminPageForm):
    """Page form for translatable page types."""


class TrackedSnippetForm(MinorEditFormMixin, WagtailAdminModelForm):
    """Model form for translatable snippets."""
