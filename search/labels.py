"""Facet values in words, in the reader's language."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from site_pages import models as m
from site_pages.choices import OFFER_LANGUAGES, ApplicantType, FunderLevel, FundingType
from site_pages.languages import localize_all

FACET_TITLES = {
    "type": _("Type"),
    "action_field": _("Action field"),
    "target_group": _("Target group"),
    "district": _("District"),
    "language": _("Language of the offer"),
    "free": _("Cost"),
    "barrier_free": _("Access"),
    "funder_level": _("Funder level"),
    "funding_type": _("Type of funding"),
    "applicant": _("Who can apply"),
    "open_now": _("Applications"),
    "deadline_soon": _("Deadline"),
}
KIND_LABELS = {
    "offer": _("Offer"),
    "funding": _("Funding"),
    "measure": _("Measure"),
    "action_field": _("Action field"),
    "facts": _("Facts"),
}
FLAG_LABELS = {
    "free": _("free of charge"),
    "barrier_free": _("barrier-free"),
    "open_now": _("open now"),
    "deadline_soon": _("deadline within 30 days"),
}
CHOICES = {
    "language": dict(OFFER_LANGUAGES),
    "funder_level": dict(FunderLevel.choices),
    "funding_type": dict(FundingType.choices),
    "applicant": dict(ApplicantType.choices),
}
RELATED_MODELS = {
    "action_field": m.ActionFieldPage,
    "target_group": m.TargetGroup,
    "district": m.District,
}


def facet_labels(facet: str, values: list[str]) -> dict[str, str]:
    """Display names for the values of one facet (snippets and pages translated)."""
    if facet == "type":
        return {v: str(KIND_LABELS.get(v, v)) for v in values}
    if facet in FLAG_LABELS:
        return {"1": str(FLAG_LABELS[facet])}
    if facet in CHOICES:
        return {v: str(CHOICES[facet].get(v, v)) for v in values}
    model = RELATED_MODELS[facet]
    sources = list(model.objects.filter(pk__in=[int(v) for v in values if v.isdigit()]))
    localized = localize_all(sources, Locale.get_active())
    names = {}
    for source, shown in zip(sources, localized, strict=True):
        if model is m.ActionFieldPage:
            names[str(source.pk)] = f"{source.number}. {shown.title}"
        else:
            names[str(source.pk)] = shown.name
    return names
