"""Admin forms with checks that need the page's place in the tree."""

from django.utils.translation import gettext_lazy as _

from translations.tracking import TrackedPageForm


class MeasurePageForm(TrackedPageForm):
    """Checks that a measure's code starts with the number of the action field it sits in."""

    def clean(self):
        """Compare the code's prefix with the parent action field's number."""
        cleaned_data = super().clean()
        code = cleaned_data.get("code") or ""
        number = getattr(getattr(self.parent_page, "specific", None), "number", None)
        if code and number is not None and not code.startswith(f"{number}."):
            self.add_error(
                "code",
                _("The code must start with %(number)s., the number of its action field.")
                % {"number": number},
            )
        return cleaned_data
