"""Licence inventory of teilhabe's dependencies, checked against EUPL-1.2.

teilhabe is licensed under the EUPL-1.2 (see LICENSE). This script walks uv.lock from the
``teilhabe`` entry: its ``dependencies`` (with extras) are the runtime closure, which is
what a deployment installs (``uv sync --no-dev``); the ``dev`` group is listed separately,
as it is only used for developing and testing and is not distributed.

For every package it reads the installed distribution's metadata (importlib.metadata:
``License-Expression``, then a short ``License`` field, then a ``License ::`` Trove
classifier that names one licence and version), normalises it to an SPDX identifier or
expression and judges that against an explicit list of licences that allow distributing
teilhabe under EUPL-1.2. Where the metadata is missing
or ambiguous (a bare "BSD", a package not installed on this platform), an entry in
``OVERRIDES`` says what the package's licence file says and where that was checked.

Usage::

    .venv/bin/python tools/licences.py           # print the Markdown tables
    .venv/bin/python tools/licences.py --check   # exit 1 if a runtime licence is not allowed
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
LOCK_FILE = ROOT / "uv.lock"
PROJECT = "teilhabe"
DEV_GROUP = "dev"

# Licences of code that teilhabe may depend on, and that may be shipped next to it, while
# teilhabe itself stays under EUPL-1.2; the value is the short reason shown in the table.
# - permissive: only the copyright and licence notices (for Apache-2.0 also a NOTICE
#   file, if any) must be kept; no condition on teilhabe's own licence.
# - MPL-2.0: file-level copyleft; only changed MPL files must stay MPL.
# - LGPL: the copyleft covers the library itself; teilhabe uses it unmodified as a
#   separately installed, replaceable package.
# MPL-2.0 and LGPL-2.1/3 are also listed in the EUPL-1.2 Appendix.
_PERMISSIVE = "permissive"
_PUBLIC_DOMAIN = "public-domain dedication"
_MPL = "weak copyleft, per file (MPL-2.0)"
_LGPL = "weak copyleft, library used unmodified (LGPL)"
ALLOWED: dict[str, str] = {
    "0BSD": _PERMISSIVE,
    "Apache-2.0": _PERMISSIVE,
    "BSD-2-Clause": _PERMISSIVE,
    "BSD-3-Clause": _PERMISSIVE,
    "CC0-1.0": _PUBLIC_DOMAIN,
    "HPND": _PERMISSIVE,
    "ISC": _PERMISSIVE,
    "MIT": _PERMISSIVE,
    "MIT-CMU": _PERMISSIVE,
    "PSF-2.0": _PERMISSIVE,
    "PostgreSQL": _PERMISSIVE,
    "Unlicense": _PUBLIC_DOMAIN,
    "Zlib": _PERMISSIVE,
    "MPL-2.0": _MPL,
    "LGPL-2.1-only": _LGPL,
    "LGPL-2.1-or-later": _LGPL,
    "LGPL-3.0-only": _LGPL,
    "LGPL-3.0-or-later": _LGPL,
    "EUPL-1.1": "EUPL (in the EUPL-1.2 Appendix)",
    "EUPL-1.2": "same licence",
}

# Strong copyleft licences listed in the EUPL-1.2 Appendix. The Appendix does not make
# them permissive: by the compatibility clause of Article 5, a work that combines
# teilhabe with such code may be distributed under that licence, i.e. the combination
# then goes out under the GPL/AGPL, not the EUPL. They are therefore accepted only for a
# package with an entry in REVIEWED that says why.
APPENDIX_COPYLEFT = {
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "AGPL-3.0-only",
    "AGPL-3.0-or-later",
}
# Share-alike data licences: the share-alike condition covers the data and adaptations of
# it. Accepted, like APPENDIX_COPYLEFT, only for a package with an entry in REVIEWED.
SHARE_ALIKE_DATA = {"CC-BY-SA-4.0"}
NEEDS_REVIEW = APPENDIX_COPYLEFT | SHARE_ALIKE_DATA
KNOWN = set(ALLOWED) | NEEDS_REVIEW

# Packages whose licence includes an APPENDIX_COPYLEFT licence, accepted after review.
REVIEWED: dict[str, str] = {
    # pillow-heif's binary wheels bundle libx265 (GPL-2.0-or-later) and are GPLv2 as a
    # whole. Wagtail requires willow[heif], which pulls it in; teilhabe's repository
    # neither contains nor changes it. GPLv2 is in the EUPL-1.2 Appendix, so shipping
    # both together is possible; whoever distributes an image containing the wheel must
    # meet the GPL for it (e.g. offer its source). Running the site is no distribution.
    "pillow-heif": (
        "GPLv2 binary wheel pulled in by Wagtail (willow[heif]); GPLv2 is in the EUPL-1.2 "
        "Appendix; distributing an image with it means meeting the GPL for that wheel"
    ),
    # german-nouns is a Wiktionary noun list with a lookup module; translations.words splits
    # compounds with it at index time. teilhabe's repository neither contains nor adapts
    # the list; the package is installed unmodified and credited in docs/search.md.
    "german-nouns": (
        "Wiktionary noun list (CC BY-SA 4.0) installed unmodified and used as a lookup; "
        "not part of teilhabe's code; credited in docs/search.md"
    ),
}


@dataclass(frozen=True)
class Override:
    """A licence checked by hand, for the locked versions in `versions` only."""

    expression: str
    versions: tuple[str, ...]
    checked: str


# Metadata that is missing or ambiguous; each entry says where the licence was checked.
# "site-packages" means the file in .venv/lib/python3.11/site-packages. An entry applies
# only to the versions listed: after an upgrade the package is reported as unknown until
# its licence has been re-checked and the version added here.
OVERRIDES: dict[str, Override] = {
    "german-nouns": Override(
        "CC-BY-SA-4.0",
        ("1.2.5",),
        'License "CC BY-SA 4.0" in METADATA, german_nouns-1.2.5.dist-info/LICENSE',
    ),
    "amqp": Override(
        "BSD-3-Clause", ("5.4.2",), "amqp-5.4.2.dist-info/licenses/LICENSE in site-packages"
    ),
    "async-timeout": Override(
        "Apache-2.0",
        ("5.0.1",),
        "not installed here (Python < 3.11.3 only): METADATA, LICENSE of the PyPI wheel",
    ),
    "billiard": Override(
        "BSD-3-Clause",
        ("4.3.2",),
        "billiard-4.3.2.dist-info/licenses/LICENSE.txt in site-packages",
    ),
    "click-plugins": Override(
        "BSD-3-Clause",
        ("1.1.1.2",),
        '"New BSD License", click_plugins-1.1.1.2.dist-info/licenses/LICENSE.txt',
    ),
    "colorama": Override(
        "BSD-3-Clause",
        ("0.4.6",),
        "not installed here (Windows only): LICENSE.txt of the PyPI wheel",
    ),
    "defusedxml": Override(
        "PSF-2.0",
        ("0.7.1",),
        'License "PSFL"; defusedxml-0.7.1.dist-info/LICENSE is the PSF License Version 2',
    ),
    "django-compression-middleware": Override(
        "MPL-2.0",
        ("0.5.0",),
        "License 'UNKNOWN', one MPL 2.0 classifier, no licence file in the wheel; the "
        "repository's LICENSE reads MIT, so the stricter MPL-2.0 is assumed",
    ),
    "django-filter": Override(
        "BSD-3-Clause", ("26.2",), "django_filter-26.2.dist-info/LICENSE in site-packages"
    ),
    "django-permissionedforms": Override(
        "BSD-3-Clause",
        ("0.1",),
        "django_permissionedforms-0.1.dist-info/LICENSE in site-packages",
    ),
    "django-taggit": Override(
        "BSD-3-Clause", ("6.1.0",), "django_taggit-6.1.0.dist-info/LICENSE in site-packages"
    ),
    "elastic-transport": Override(
        "Apache-2.0",
        ("8.19.0",),
        "only an 'Apache Software License' classifier; elastic_transport-8.19.0.dist-info/"
        "licenses/LICENSE is the Apache License 2.0",
    ),
    "events": Override(
        "BSD-3-Clause",
        ("0.5",),
        "Events-0.5.dist-info/LICENSE in site-packages (three clauses, 'names of the "
        "contributors may not be used to endorse')",
    ),
    "laces": Override(
        "BSD-3-Clause",
        ("0.1.2",),
        '"BSD 3-Clause License", laces-0.1.2.dist-info/LICENSE in site-packages',
    ),
    "pillow-heif": Override(
        "BSD-3-Clause AND LGPL-3.0-or-later AND GPL-2.0-or-later",
        ("1.8.1",),
        "metadata says BSD-3-Clause, for its source; pillow_heif-1.8.1.dist-info/licenses/"
        "LICENSES_bundled.txt: the binary wheels are GPLv2, bundling libheif and libde265 "
        "(LGPLv3) and libx265 (GPLv2); libheif's and x265's source headers say "
        "'version 3 (resp. 2) or any later version'",
    ),
    "prompt-toolkit": Override(
        "BSD-3-Clause",
        ("3.0.53",),
        "prompt_toolkit-3.0.53.dist-info/licenses/LICENSE in site-packages",
    ),
    "pytest-django": Override(
        "BSD-3-Clause",
        ("4.14.0",),
        '"BSD (3-clause)", pytest_django-4.14.0.dist-info/licenses/LICENSE',
    ),
    "python-dateutil": Override(
        "Apache-2.0 AND BSD-3-Clause",
        ("2.9.0.post0",),
        "python_dateutil-2.9.0.post0.dist-info/LICENSE: contributions after 2017-12-01 are "
        "Apache-2.0 and BSD-3-Clause, 'the above BSD License applies to all code'",
    ),
    "soupsieve": Override(
        "MIT",
        ("2.10", "4.1.3"),
        "License-Expression MIT in the installed 4.1.3 and in the PyPI wheel of 2.10, "
        "which is not installed here (Python < 3.11.5 only)",
    ),
    "sqlparse": Override(
        "BSD-3-Clause",
        ("0.6.1",),
        "sqlparse-0.6.1.dist-info/licenses/LICENSE in site-packages",
    ),
    "telepath": Override(
        "BSD-3-Clause", ("0.3.1",), "telepath-0.3.1.dist-info/LICENSE in site-packages"
    ),
    "tinycss2": Override(
        "BSD-3-Clause", ("1.5.1",), "tinycss2-1.5.1.dist-info/licenses/LICENSE in site-packages"
    ),
    "tzdata": Override(
        "Apache-2.0",
        ("2026.6",),
        "not installed here (Windows only): METADATA, LICENSE of the PyPI wheel",
    ),
    "vine": Override(
        "BSD-3-Clause",
        ("5.1.0",),
        '"BSD License (3 Clause)", vine-5.1.0.dist-info/LICENSE in site-packages',
    ),
    "webencodings": Override(
        "BSD-3-Clause",
        ("0.6.1",),
        "webencodings-0.6.1.dist-info/licenses/LICENSE in site-packages",
    ),
    "willow": Override(
        "BSD-3-Clause",
        ("1.12.0",),
        "willow-1.12.0.dist-info/licenses/LICENSE in site-packages",
    ),
}

# Free-text `License` fields seen in practice, mapped to SPDX identifiers. "BSD" alone is
# deliberately absent (it does not say which BSD licence), and so is "PSFL" (no version).
LICENSE_ALIASES: dict[str, str] = {
    "apache 2": "Apache-2.0",
    "apache 2.0": "Apache-2.0",
    "apache license 2.0": "Apache-2.0",
    "bsd 3-clause": "BSD-3-Clause",
    "new bsd": "BSD-3-Clause",
    "new bsd license": "BSD-3-Clause",
    "mit license": "MIT",
    "the mit license": "MIT",
}

# Trove classifiers that name exactly one licence and version ("BSD License" names none
# in particular, "Apache Software License" and "Python Software Foundation License" no
# version).
CLASSIFIERS: dict[str, str] = {
    "License :: OSI Approved :: ISC License (ISCL)": "ISC",
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
}


class Metadata(Protocol):
    """The part of a distribution's metadata that is read (an email.message.Message)."""

    def get(self, name: str, failobj: None = None) -> str | None:
        """The first value of header `name`, or None."""

    def get_all(self, name: str, failobj: None = None) -> list[str] | None:
        """All values of header `name`, or None."""


@dataclass(frozen=True)
class Row:
    """One package of the inventory and the verdict on its licence."""

    name: str
    version: str
    licence: str | None
    source: str
    allowed: bool
    why: str
    marker: str | None = None


def normalise(metadata: Metadata) -> tuple[str | None, str]:
    """Return (SPDX expression or None, where it came from) from one distribution's metadata."""
    expression = (metadata.get("License-Expression") or "").strip()
    if expression:
        return expression, "License-Expression"
    text = (metadata.get("License") or "").strip()
    short = bool(text) and "\n" not in text and len(text) <= 60
    if short and text.lower() in LICENSE_ALIASES:
        return LICENSE_ALIASES[text.lower()], f"License field {text!r}"
    if short and all(part in KNOWN for part in _split_expression(text)):
        return text, f"License field {text!r}"
    classifiers = [
        value
        for value in metadata.get_all("Classifier") or []
        if value.startswith("License :: ") and value != "License :: OSI Approved"
    ]
    # A short License field that is not understood is not overruled by a classifier;
    # a long one is usually the whole licence text, so the classifier names it.
    if not short and len(classifiers) == 1 and classifiers[0] in CLASSIFIERS:
        return CLASSIFIERS[classifiers[0]], "classifier"
    seen = [f"License field {text[:40]!r}"] if text else []
    seen += [value.removeprefix("License :: OSI Approved :: ") for value in classifiers]
    return None, "ambiguous or missing: " + ("; ".join(seen) or "no licence metadata")


def _split_expression(expression: str) -> list[str]:
    """The licence identifiers of a flat SPDX expression (AND/OR, no parentheses)."""
    return [part for part in re.split(r"\s+(?:AND|OR)\s+", expression.strip()) if part]


def judge(name: str, expression: str | None) -> tuple[bool, str]:
    """Whether a package under `expression` may be used by EUPL-1.2 teilhabe, and why.

    OR binds weaker than AND, as in SPDX: one allowed alternative is enough, and every
    licence of that alternative must be allowed. Parentheses and WITH are not supported
    and make the expression unknown.
    """
    if not expression:
        return False, "licence unknown"
    if any(token in expression for token in ("(", ")", " WITH ")):
        return False, f"expression not understood: {expression}"
    refusals = []
    for alternative in re.split(r"\s+OR\s+", expression.strip()):
        parts = re.split(r"\s+AND\s+", alternative)
        unknown = [part for part in parts if part not in KNOWN]
        copyleft = [part for part in parts if part in NEEDS_REVIEW]
        if unknown:
            refusals.append(f"not in the allow-list: {', '.join(unknown)}")
        elif copyleft and name not in REVIEWED:
            refusals.append(
                f"{', '.join(copyleft)}: copyleft or share-alike licence; a combined work "
                "might have to be distributed under it; needs a reviewed entry"
            )
        else:
            reasons = [ALLOWED[part] for part in parts if part in ALLOWED]
            if copyleft:
                reasons.append(f"reviewed: {REVIEWED[name]}")
            return True, "; ".join(dict.fromkeys(reasons))
    return False, "; ".join(refusals)


def row_for(name: str, version: str, metadata: Metadata | None, marker: str | None = None) -> Row:
    """Resolve and judge the licence of `name` `version`, given its installed metadata."""
    override = OVERRIDES.get(name)
    if override is not None and version in override.versions:
        expression, source = override.expression, f"checked: {override.checked}"
    elif override is not None:
        expression = None
        source = (
            f"override checked for {', '.join(override.versions)} only; re-check {version} "
            "and update OVERRIDES in tools/licences.py"
        )
    elif metadata is None:
        expression, source = None, "not installed in this environment"
    else:
        expression, source = normalise(metadata)
    allowed, why = judge(name, expression)
    return Row(name, version, expression, source, allowed, why, marker)


@dataclass(frozen=True)
class Inventory:
    """The runtime closure and the dev-only packages of uv.lock."""

    runtime: list[Row]
    dev: list[Row]


def _entry(packages: dict[str, list[dict]], dep: dict) -> dict:
    """The uv.lock package entry a dependency reference points at."""
    candidates = packages[dep["name"]]
    if "version" in dep:
        candidates = [entry for entry in candidates if entry["version"] == dep["version"]]
    (entry,) = candidates
    return entry


def _lock_closure(
    packages: dict[str, list[dict]], roots: Iterable[dict]
) -> dict[tuple[str, str], str | None]:
    """Map (name, version) of everything `roots` pulls in to its environment marker.

    The marker is None for a package needed everywhere (reached on a path without
    markers); otherwise it is the markers of its paths, each path's joined with "and".
    """
    paths: dict[tuple[str, str], set[str | None]] = {}
    seen: set[tuple[tuple[str, str], tuple[str, ...], str | None]] = set()
    stack: list[tuple[dict, str | None]] = [(dep, None) for dep in roots]
    while stack:
        dep, inherited = stack.pop()
        marker = " and ".join(m for m in (inherited, dep.get("marker")) if m) or None
        entry = _entry(packages, dep)
        key = (entry["name"], entry["version"])
        state = (key, tuple(sorted(dep.get("extra", []))), marker)
        if state in seen:
            continue
        seen.add(state)
        paths.setdefault(key, set()).add(marker)
        children = list(entry.get("dependencies", []))
        for extra in dep.get("extra", []):
            children += entry.get("optional-dependencies", {}).get(extra, [])
        stack.extend((child, marker) for child in children)
    return {
        key: None if None in found else " or ".join(sorted(m for m in found if m))
        for key, found in paths.items()
    }


def _installed(name: str, version: str) -> Metadata | None:
    """The metadata of `name` if exactly `version` is installed, else None."""
    try:
        distribution = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return None
    if distribution.version != version:
        return None
    return distribution.metadata


def collect(lock_file: Path = LOCK_FILE) -> Inventory:
    """Read uv.lock and resolve the licence of every package teilhabe depends on."""
    lock = tomllib.loads(lock_file.read_text(encoding="utf-8"))
    packages: dict[str, list[dict]] = {}
    for entry in lock["package"]:
        packages.setdefault(entry["name"], []).append(entry)
    (project,) = packages[PROJECT]
    runtime = _lock_closure(packages, project.get("dependencies", []))
    dev_roots = project.get("dev-dependencies", {}).get(DEV_GROUP, [])
    dev = {
        key: marker
        for key, marker in _lock_closure(packages, dev_roots).items()
        if key not in runtime
    }

    def rows(closure: dict[tuple[str, str], str | None]) -> list[Row]:
        return [
            row_for(name, version, _installed(name, version), marker)
            for (name, version), marker in sorted(closure.items())
        ]

    return Inventory(runtime=rows(runtime), dev=rows(dev))


def problems(rows: Iterable[Row]) -> list[str]:
    """One line per package whose licence is unknown or not allowed."""
    return [
        f"{row.name} {row.version}: {row.why} ({row.source})" for row in rows if not row.allowed
    ]


def _cell(text: str) -> str:
    """Escape text for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(rows: Iterable[Row]) -> Iterator[str]:
    """The Markdown table lines for `rows`."""
    yield "| Package | Version | Licence | Compatible with EUPL-1.2 | Why | Licence source |"
    yield "| --- | --- | --- | --- | --- | --- |"
    for row in rows:
        name = row.name if row.marker is None else f"{row.name} (only if `{row.marker}`)"
        yield (
            "| "
            + " | ".join(
                _cell(cell)
                for cell in (
                    name,
                    row.version,
                    row.licence or "unknown",
                    "yes" if row.allowed else "**no**",
                    row.why,
                    row.source,
                )
            )
            + " |"
        )


def main(argv: list[str] | None = None) -> int:
    """Print the inventory as Markdown; with --check, report and fail on problems."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if a runtime dependency's licence is unknown or not allowed",
    )
    args = parser.parse_args(argv)
    inventory = collect()
    if args.check:
        found = problems(inventory.runtime)
        for line in found:
            print(line, file=sys.stderr)
        print(
            f"{len(inventory.runtime)} runtime dependencies checked, {len(found)} problem(s)",
            file=sys.stderr,
        )
        return 1 if found else 0
    print(f"### Runtime dependencies ({len(inventory.runtime)})\n")
    print("\n".join(markdown(inventory.runtime)))
    print(f"\n### Development dependencies, not distributed ({len(inventory.dev)})\n")
    print("\n".join(markdown(inventory.dev)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
