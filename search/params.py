"""Reading search requests: lenient for people, strict (400) for malformed API input."""

import re
from dataclasses import dataclass, field

from django.http import QueryDict

from site_pages.choices import OFFER_LANGUAGES, ApplicantType, FunderLevel, FundingType

MAX_QUERY_LENGTH = 200
MAX_PAGE = 10_000
KINDS = ["offer", "funding", "measure", "action_field", "facts"]
SORTS = ["relevance", "deadline", "newest"]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class SearchParams:
    """One search request, validated: every value here is safe to use."""

    query: str = ""
    kinds: list[str] = field(default_factory=list)
    action_fields: list[int] = field(default_factory=list)
    target_groups: list[int] = field(default_factory=list)
    districts: list[int] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    funder_levels: list[str] = field(default_factory=list)
    funding_types: list[str] = field(default_factory=list)
    applicants: list[str] = field(default_factory=list)
    free: bool = False
    barrier_free: bool = False
    open_now: bool = False
    deadline_soon: bool = False
    sort: str = "relevance"
    page: int = 1
    truncated: bool = False

    def facet_filters(self) -> dict:
        """The active filters by facet name (for links and the JSON response)."""
        return {
            name: value
            for name, value in {
                "type": self.kinds,
                "action_field": self.action_fields,
                "target_group": self.target_groups,
                "district": self.districts,
                "language": self.languages,
                "funder_level": self.funder_levels,
                "funding_type": self.funding_types,
                "applicant": self.applicants,
                "free": self.free,
                "barrier_free": self.barrier_free,
                "open_now": self.open_now,
                "deadline_soon": self.deadline_soon,
            }.items()
            if value
        }


def clean_query(raw: str) -> tuple[str, bool]:
    """Strip control characters and NULs, fold whitespace, cap the length."""
    text = " ".join(_CONTROL.sub(" ", raw).split())
    if len(text) > MAX_QUERY_LENGTH:
        return text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH], True
    return text, False


def _choices(values: list[str], allowed, name: str, errors: list[str]) -> list[str]:
    """Keep values from a vocabulary; note the others as errors."""
    allowed = set(allowed)
    bad = [v for v in values if v not in allowed]
    if bad:
        errors.append(f"{name}: unknown value(s) {', '.join(map(repr, bad[:5]))}")
    return [v for v in dict.fromkeys(values) if v in allowed]


ASCII_ID = re.compile(r"[0-9]{1,10}")


def _ids(values: list[str], name: str, errors: list[str]) -> list[int]:
    """Keep positive whole numbers; note the others as errors."""
    ids = []
    for value in values:
        # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
        if ASCII_ID.fullmatch(value) and 0 < int(value) < 2**31:
            ids.append(int(value))
        else:
            errors.append(f"{name}: {value[:40]!r} is not an id")
    return list(dict.fromkeys(ids))


def _flag(data: QueryDict, name: str, errors: list[str]) -> bool:
    """A yes/no filter: "1"/"true"/"on" set it, "", "0" and absence do not."""
    value = data.get(name, "")
    if value in ("", "0", "false", "off"):
        return False
    if value in ("1", "true", "on"):
        return True
    errors.append(f"{name}: {value[:40]!r} is not 1 or 0")
    return False


def parse_params(data: QueryDict) -> tuple[SearchParams, list[str]]:
    """Turn request parameters into `SearchParams` and a list of what was malformed."""
    errors: list[str] = []
    query, truncated = clean_query(data.get("q", ""))
    sort = data.get("sort") or "relevance"
    if sort not in SORTS:
        errors.append(f"sort: unknown value {sort[:40]!r}")
        sort = "relevance"
    raw_page = data.get("page") or "1"
    try:
        page = int(raw_page)
    except ValueError:
        errors.append(f"page: {raw_page[:40]!r} is not a number")
        page = 1
    params = SearchParams(
        query=query,
        truncated=truncated,
        kinds=_choices(data.getlist("type"), KINDS, "type", errors),
        action_fields=_ids(data.getlist("action_field"), "action_field", errors),
        target_groups=_ids(data.getlist("target_group"), "target_group", errors),
        districts=_ids(data.getlist("district"), "district", errors),
        languages=_choices(
            data.getlist("language"), [c for c, _ in OFFER_LANGUAGES], "language", errors
        ),
        funder_levels=_choices(
            data.getlist("funder_level"), FunderLevel.values, "funder_level", errors
        ),
        funding_types=_choices(
            data.getlist("funding_type"), FundingType.values, "funding_type", errors
        ),
        applicants=_choices(data.getlist("applicant"), ApplicantType.values, "applicant", errors),
        free=_flag(data, "free", errors),
        barrier_free=_flag(data, "barrier_free", errors),
        open_now=_flag(data, "open_now", errors),
        deadline_soon=_flag(data, "deadline_soon", errors),
        sort=sort,
        page=min(max(page, 1), MAX_PAGE),
    )
    return params, errors
