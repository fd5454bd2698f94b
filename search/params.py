"""Reading search requests: lenient for people, strict (400) for malformed API input."""

import re
from dataclasses import dataclass, field

from django.http import QueryDict

from search.facets import FACETS, Accepts

MAX_QUERY_LENGTH = 200
MAX_PAGE = 10_000
SORTS = ["relevance", "deadline", "newest"]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class SearchParams:
    """One search request, validated: every value here is safe to use.

    `filters` holds the active facet selections by facet name (`search.facets`), each a list
    of strings: vocabulary values, source ids, or ``["1"]`` for a yes/no facet.
    """

    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    truncated: bool = False

    def facet_filters(self) -> dict[str, list[str]]:
        """The active filters by facet name (for links and the JSON response)."""
        return {name: values for name, values in self.filters.items() if values}


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


def _facet_values(facet, data: QueryDict, errors: list[str]) -> list[str]:
    """The valid values given for one facet, as strings; malformed ones noted as errors."""
    if facet.accepts is Accepts.FLAG:
        return ["1"] if _flag(data, facet.name, errors) else []
    raw = data.getlist(facet.name)
    if facet.accepts is Accepts.ID:
        return [str(pk) for pk in _ids(raw, facet.name, errors)]
    return _choices(raw, facet.vocabulary(), facet.name, errors)


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
    filters = {}
    for facet in FACETS:
        values = _facet_values(facet, data, errors)
        if values:
            filters[facet.name] = values
    params = SearchParams(
        query=query,
        truncated=truncated,
        filters=filters,
        sort=sort,
        page=min(max(page, 1), MAX_PAGE),
    )
    return params, errors
