"""The translation status report in the Wagtail admin (Reports → Translation status)."""

from collections import Counter

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.admin_reports import AdminReportView
from translations.status import TranslationState, translation_status

TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


class StatusFilterForm(forms.Form):
    """Narrow the report to one locale, one state and pages or snippets."""

    locale = forms.ModelChoiceField(
        queryset=Locale.objects.none(),
        required=False,
        label=_("Language"),
        empty_label=_("All languages"),
    )
    state = forms.ChoiceField(required=False, label=_("State"))
    kind = forms.ChoiceField(
        required=False,
        label=_("Type"),
        choices=[("", _("Pages and snippets")), ("page", _("Pages")), ("snippet", _("Snippets"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].queryset = Locale.objects.exclude(
            pk=Locale.get_default().pk
        ).order_by("language_code")
        self.fields["state"].choices = [("", _("All states"))] + [
            (state, TranslationState.LABELS[state]) for state in TranslationState.ORDER
        ]


class TranslationStatusReportView(AdminReportView):
    """Every page and snippet × every target locale, most urgent first, with the next step."""

    template_name = "translations/status_report.html"
    page_title = _("Translation status")
    header_icon = "wagtail-localize-language"
    paginate_by = 50
    required_permission = TRANSLATE_PERMISSION

    def get_context_data(self, **kwargs):
        """Filter, count per state and paginate the status rows."""
        context = super().get_context_data(**kwargs)
        form = StatusFilterForm(self.request.GET or None)
        locale = state = kind = None
        if form.is_valid():
            locale = form.cleaned_data["locale"]
            state = form.cleaned_data["state"] or None
            kind = form.cleaned_data["kind"] or None
        rows = translation_status([locale] if locale else None)
        if kind:
            rows = [row for row in rows if row.is_page == (kind == "page")]
        counts = Counter(row.state for row in rows)
        if state:
            rows = [row for row in rows if row.state == state]
        page = Paginator(rows, self.paginate_by).get_page(self.request.GET.get("p"))
        context.update(
            form=form,
            page_obj=page,
            counts=[(TranslationState.LABELS[s], s, counts[s]) for s in TranslationState.ORDER],
        )
        return context
