"""The facets of public search, each defined once.

A `Facet` says everything the rest of search needs: its URL parameter (also its name in the
index documents and the JSON answer), what values the parameter accepts, how a selection
filters (values stored per document, or application windows compared with the day of the
search), and where the labels of its values come from. `search.params` parses with it,
`search.documents` fills the stored values under these names, `search.store` and
`search.engine_query` filter and count with it, the page and the API label with it. Adding a
facet means adding one entry here and, for a stored facet, its values in `search.documents`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from site_pages import models as m
from site_pages.choices import OFFER_LANGUAGES, ApplicantType, FunderLevel, FundingType
from site_pages.languages import localize_all

DEADLINE_SOON_DAYS = 30
MAX_FACET_VALUES = 200  # values counted per facet; vocabularies and districts are far fewer


class Accepts(Enum):
    """What a facet's URL parameter accepts."""

    CHOICE = "choice"  # values of a fixed vocabulary, repeatable
    ID = "id"  # ids of German source objects, repeatable
    FLAG = "flag"  # 1 (or true/on) to filter; the only value is "1"


class Window(Enum):
    """How a time-dependent facet reads a funding source's application windows."""

    OPEN_ON = "open_on"  # a window contains the day (or applications are rolling)
    CLOSES_SOON = "closes_soon"  # a window closes within DEADLINE_SOON_DAYS of the day


@dataclass(frozen=True)
class Facet:
    """One facet: parameter name, accepted values, how it filters, where its labels come from."""

    name: str
    title: Promise
    accepts: Accepts
    labels: Callable[[list[str]], dict[str, str]]
    vocabulary: Callable[[], list[str]] | None = None  # CHOICE: the allowed values
    window: Window | None = None  # set: computed from windows on the day, not stored

    @property
    def stored(self) -> bool:
        """Whether documents carry this facet's values (else it is computed from windows)."""
        return self.window is None

    def window_bounds(self, today: date) -> tuple[date, date | None]:
        """The closing dates a window must fall between to count (None: no upper bound)."""
        if self.window is Window.CLOSES_SOON:
            return today, today + timedelta(days=DEADLINE_SOON_DAYS)
        return today, None


def _from_choices(choices: list[tuple[str, Promise]]) -> Callable[[list[str]], dict[str, str]]:
    """Labels from a fixed vocabulary, in the active language."""
    names = dict(choices)
    return lambda values: {v: str(names[v]) for v in values if v in names}


def _flag(label: Promise) -> Callable[[list[str]], dict[str, str]]:
    """The single label of a yes/no facet."""
    return lambda values: {"1": str(label)}


def _source_objects(model: type[models.Model], title: Callable) -> Callable:
    """Labels of German source objects by id, shown in the active language."""

    def labels(values: list[str]) -> dict[str, str]:
        """Names of the objects `values` (ids); unknown or unpublished ones are left out."""
        sources = model.objects.filter(pk__in=[int(v) for v in values if v.isdigit()])
        by_key = {source.translation_key: source for source in sources}
        shown = localize_all(list(by_key.values()), Locale.get_active())
        return {
            str(by_key[obj.translation_key].pk): title(by_key[obj.translation_key], obj)
            for obj in shown
        }

    return labels


KIND_LABELS = {
    "offer": _("Offer"),
    "funding": _("Funding"),
    "measure": _("Measure"),
    "action_field": _("Action field"),
    "facts": _("Facts"),
}
KINDS = list(KIND_LABELS)

FACETS: tuple[Facet, ...] = (
    Facet(
        "type", _("Type"), Accepts.CHOICE, _from_choices(list(KIND_LABELS.items())),
        vocabulary=lambda: KINDS,
    ),
    Facet(
        "action_field", _("Action field"), Accepts.ID,
        _source_objects(m.ActionFieldPage, lambda source, shown: f"{source.number}. {shown.title}"),
    ),
    Facet(
        "target_group", _("Target group"), Accepts.ID,
        _source_objects(m.TargetGroup, lambda source, shown: shown.name),
    ),
    Facet(
        "district", _("District"), Accepts.ID,
        _source_objects(m.District, lambda source, shown: shown.name),
    ),
    Facet(
        "language", _("Language of the offer"), Accepts.CHOICE, _from_choices(OFFER_LANGUAGES),
        vocabulary=lambda: [code for code, _name in OFFER_LANGUAGES],
    ),
    Facet("free", _("Cost"), Accepts.FLAG, _flag(_("free of charge"))),
    Facet("barrier_free", _("Access"), Accepts.FLAG, _flag(_("barrier-free"))),
    Facet(
        "funder_level", _("Funder level"), Accepts.CHOICE, _from_choices(FunderLevel.choices),
        vocabulary=lambda: FunderLevel.values,
    ),
    Facet(
        "funding_type", _("Type of funding"), Accepts.CHOICE,
        _from_choices(FundingType.choices), vocabulary=lambda: FundingType.values,
    ),
    Facet(
        "applicant", _("Who can apply"), Accepts.CHOICE, _from_choices(ApplicantType.choices),
        vocabulary=lambda: ApplicantType.values,
    ),
    Facet(
        "open_now", _("Applications"), Accepts.FLAG, _flag(_("open now")),
        window=Window.OPEN_ON,
    ),
    Facet(
        "deadline_soon", _("Deadline"), Accepts.FLAG, _flag(_("deadline within 30 days")),
        window=Window.CLOSES_SOON,
    ),
)  # fmt: skip
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}
STORED_FACETS = tuple(facet for facet in FACETS if facet.stored)
FACET_TITLES = {facet.name: facet.title for facet in FACETS}


def facet_labels(name: str, values: list[str]) -> dict[str, str]:
    """Display names for the values of one facet, in the active language."""
    return FACETS_BY_NAME[name].labels(values)
