"""Admin forms with checks that need the page's place in the tree or its published state."""

from django.utils.translation import gettext_lazy as _

from translations.fallback import default_locale_id
from translations.tracking import TrackedPageForm

# Inputs for the progress log that are logged when a draft is published (one edit each).
PROGRESS_INPUTS = ("status_justification", "progress_note")


class MeasurePageForm(TrackedPageForm):
    """Checks a measure's code against its action field; a status change needs a reason.

    The reason and the progress note start empty on every edit unless the draft being
    edited (not yet published) carries them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.published_status = self._published_status()
        pending_draft = self.instance.pk is not None and self.instance.has_unpublished_changes
        for name in PROGRESS_INPUTS:
            if name in self.fields and not pending_draft:
                self.initial[name] = ""
        if self.initial.get("status") == self.published_status:
            self.initial["status_justification"] = ""

    def _published_status(self) -> str | None:
        """The status of the live source page, which a change of status must justify."""
        page = self.instance
        if page.pk is None or page.locale_id != default_locale_id() or page.alias_of_id:
            return None
        row = type(page)._default_manager.filter(pk=page.pk, live=True)
        return row.values_list("status", flat=True).first()

    def clean(self):
        """Compare the code's prefix with the action field's number; require the reason."""
        cleaned_data = super().clean()
        code = cleaned_data.get("code") or ""
        number = getattr(getattr(self.parent_page, "specific", None), "number", None)
        if code and number is not None and not code.startswith(f"{number}."):
            self.add_error(
                "code",
                _("The code must start with %(number)s., the number of its action field.")
                % {"number": number},
            )
        if "status_justification" in self.fields:
            self._clean_status_justification(cleaned_data)
        return cleaned_data

    def _clean_status_justification(self, cleaned_data: dict) -> None:
        """A new status needs a reason (it goes into the public log); an unchanged one none."""
        status = cleaned_data.get("status")
        justification = (cleaned_data.get("status_justification") or "").strip()
        if self.published_status is None or status in (None, self.published_status):
            cleaned_data["status_justification"] = ""
        elif not justification:
            self.add_error(
                "status_justification",
                _("Say why the status changes: the reason is shown in the public progress log."),
            )
        else:
            cleaned_data["status_justification"] = justification
