"""Build assets/css/kern.css from the pinned KERN UX release (@kern-ux/native 2.7.2, EUPL-1.2).

KERN's shipped stylesheet is 340 KB minified and written with physical left/right. This script
takes only its design tokens (light and dark) and the components the public site uses, rewrites
physical properties to logical ones so Arabic and Farsi mirror, and writes a compact file with a
header naming the version and licence. The result is committed: `make run` needs neither Node
nor network. Re-run it only to change the selection or to move to another pinned release:

    .venv/bin/python tools/kern/build.py                  # downloads the pinned tarball
    .venv/bin/python tools/kern/build.py --tarball FILE   # a local copy (e.g. from `npm pack`)
    .venv/bin/python tools/kern/build.py --check          # fail if kern.css is out of date

The tarball's sha512 must match the registry's integrity value pinned below.
"""

import argparse
import base64
import hashlib
import io
import re
import sys
import tarfile
import urllib.request
from pathlib import Path

import tinycss2
from tinycss2.ast import Declaration, QualifiedRule

KERN_VERSION = "2.7.2"
KERN_LICENCE = "EUPL-1.2"
TARBALL_URL = f"https://registry.npmjs.org/@kern-ux/native/-/native-{KERN_VERSION}.tgz"
TARBALL_INTEGRITY = (
    "sha512-TN0Mqbasp7S1IOqurXickde8MDj5hIcgT4s3f1i33"
    "wyv2iVgA1dTO/FoQyi6rgM9KYTYkIthl9k72g7fBUUvHg=="
)

ROOT = Path(__file__).resolve().parents[2]
OUTPUT_CSS = ROOT / "assets" / "css" / "kern.css"
VENDOR_DIR = ROOT / "assets" / "vendor" / "kern-ux"

# Components taken from KERN, by the class name their selectors start with. A selector is
# kept when every kern-* class in it belongs to one of these (so `.kern-card .kern-btn` is
# kept, `.kern-dialog .kern-btn` is not).
COMPONENTS = (
    "kern-alert",
    "kern-badge",
    "kern-body",
    "kern-btn",
    "kern-card",
    "kern-description-list",
    "kern-error",
    "kern-fieldset",
    "kern-form-check",
    "kern-form-input",
    "kern-heading",
    "kern-hint",
    "kern-label",
    "kern-link",
    "kern-list",
    "kern-preline",
    "kern-progress",
    "kern-sr-only",
    "kern-subline",
    "kern-table",
    "kern-title",
)
# Icons are masks with inline SVG; only these are kept (alerts need the four feedback ones).
ICONS = (
    "arrow-back",
    "arrow-forward",
    "calendar-today",
    "check",
    "close",
    "danger",
    "info",
    "language",
    "mail",
    "open-in-new",
    "search",
    "success",
    "warning",
)
ICON_SIZES = ("small", "default", "large", "x-large")
# Tokens other stylesheets may use are always kept: the semantic colours, spaces, borders,
# dimensions and type. Any other token (palette steps, raw sizes, baselines, brand colours,
# tokens of components not taken) is kept only when something kept refers to it.
PUBLIC_TOKEN = re.compile(
    r"^--kern-(?:color-(?:layout|action|feedback|decorative|form)-"
    r"|metric-(?:space|border|dimension)-|typography-)"
)
VAR_REFERENCE = re.compile(r"var\(\s*(--[A-Za-z0-9-]+)")

PHYSICAL_TO_LOGICAL = {
    "margin-left": "margin-inline-start",
    "margin-right": "margin-inline-end",
    "padding-left": "padding-inline-start",
    "padding-right": "padding-inline-end",
    "border-left": "border-inline-start",
    "border-right": "border-inline-end",
    "border-left-width": "border-inline-start-width",
    "border-right-width": "border-inline-end-width",
    "border-left-color": "border-inline-start-color",
    "border-right-color": "border-inline-end-color",
    "border-left-style": "border-inline-start-style",
    "border-right-style": "border-inline-end-style",
    "border-top-left-radius": "border-start-start-radius",
    "border-top-right-radius": "border-start-end-radius",
    "border-bottom-left-radius": "border-end-start-radius",
    "border-bottom-right-radius": "border-end-end-radius",
    "left": "inset-inline-start",
    "right": "inset-inline-end",
    "top": "inset-block-start",
    "bottom": "inset-block-end",
}
DIRECTIONAL_VALUES = {"text-align": {"left": "start", "right": "end"}}
for _name in ("float", "clear"):
    DIRECTIONAL_VALUES[_name] = {"left": "inline-start", "right": "inline-end"}
# Four-value shorthands (top right bottom left) whose left and right may differ.
BOX_SHORTHANDS = ("margin", "padding", "inset", "border-width", "border-color", "border-style")
# Selectors for what the public site never shows (file uploads), dropped to save weight.
EXCLUDED_SELECTOR = re.compile(r"type=file|file-selector-button")
# Vendor prefixes no longer needed by the browsers KERN supports; dropped to save weight.
DROPPED_PROPERTIES = {"-webkit-mask"}


def fetch_tarball(local: Path | None) -> bytes:
    """The pinned release tarball, from `local` or the registry, checked against its sha512."""
    if local is not None:
        data = local.read_bytes()
    else:
        with urllib.request.urlopen(TARBALL_URL, timeout=60) as response:
            data = response.read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != TARBALL_INTEGRITY:
        raise SystemExit(f"integrity mismatch: expected {TARBALL_INTEGRITY}, got {digest}")
    return data


def read_member(tarball: bytes, name: str) -> str:
    """The text of `package/<name>` in the tarball."""
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        member = archive.extractfile(f"package/{name}")
        if member is None:
            raise SystemExit(f"{name} missing from the tarball")
        return member.read().decode("utf-8")


def _selectors(rule: QualifiedRule) -> list[str]:
    """The comma-separated selectors of a rule, whitespace collapsed."""
    text = " ".join(tinycss2.serialize(rule.prelude).split())
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return [part for part in parts if part]


def _class_allowed(name: str) -> bool:
    """Whether the kern class `name` belongs to a component or icon that is kept."""
    if name.startswith("kern-icon"):
        if name == "kern-icon":
            return True
        return name.removeprefix("kern-icon--") in ICONS + ICON_SIZES
    return any(
        name == c or name.startswith(c + "-") or name.startswith(c + "_") for c in COMPONENTS
    )


def _selector_kept(selector: str) -> bool:
    """Whether a selector styles only kept components."""
    if EXCLUDED_SELECTOR.search(selector):
        return False
    classes = re.findall(r"\.(kern-[A-Za-z0-9_-]+)", selector)
    return bool(classes) and all(_class_allowed(name) for name in classes)


def _declarations(rule: QualifiedRule) -> list[Declaration]:
    """A rule's declarations (comments and whitespace dropped)."""
    parsed = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
    return [item for item in parsed if item.type == "declaration"]


def _value(declaration: Declaration) -> str:
    """A declaration's value as compact text, with !important kept."""
    text = " ".join(tinycss2.serialize(declaration.value).split())
    return text + (" !important" if declaration.important else "")


def _split_top_level(value: str) -> list[str]:
    """Space-separated parts of a value, not splitting inside parentheses."""
    parts, depth, current = [], 0, ""
    for char in value:
        depth += char == "("
        depth -= char == ")"
        if char == " " and depth == 0:
            if current:
                parts.append(current)
            current = ""
        else:
            current += char
    if current:
        parts.append(current)
    return parts


def logical(name: str, value: str) -> list[tuple[str, str]]:
    """One declaration rewritten with logical properties (possibly as several)."""
    name = name.lower()
    if name in PHYSICAL_TO_LOGICAL:
        return [(PHYSICAL_TO_LOGICAL[name], value)]
    if name in DIRECTIONAL_VALUES:
        keyword = value.split()[0].lower() if value else ""
        mapped = DIRECTIONAL_VALUES[name].get(keyword)
        return [(name, value.replace(keyword, mapped, 1) if mapped else value)]
    important = value.endswith("!important")
    bare = value.removesuffix("!important").strip()
    suffix = " !important" if important else ""
    parts = _split_top_level(bare)
    if name in BOX_SHORTHANDS and len(parts) == 4 and parts[1] != parts[3]:
        top, right, bottom, left = parts
        stem, _, tail = name.partition("-")
        block = f"{stem}-block-{tail}" if tail else f"{stem}-block"
        inline = f"{stem}-inline-{tail}" if tail else f"{stem}-inline"
        return [(block, f"{top} {bottom}{suffix}"), (inline, f"{left} {right}{suffix}")]
    if name == "border-radius" and "/" not in bare and len(parts) in (3, 4):
        top_left, top_right, bottom_right = parts[0], parts[1], parts[2]
        bottom_left = parts[3] if len(parts) == 4 else parts[1]
        if top_left != top_right or bottom_left != bottom_right:
            return [
                ("border-start-start-radius", top_left + suffix),
                ("border-start-end-radius", top_right + suffix),
                ("border-end-end-radius", bottom_right + suffix),
                ("border-end-start-radius", bottom_left + suffix),
            ]
    return [(name, value)]


def _block(selector: str, declarations: list[tuple[str, str]]) -> str:
    """One rule as a single compact line."""
    body = ";".join(f"{name}:{value}" for name, value in declarations)
    return f"{selector}{{{body}}}"


def _component_rule(rule: QualifiedRule) -> str | None:
    """A kept component rule, logical and compact, or None when nothing of it is kept."""
    selectors = [s for s in _selectors(rule) if _selector_kept(s)]
    if not selectors:
        return None
    declarations = []
    for declaration in _declarations(rule):
        if declaration.lower_name in DROPPED_PROPERTIES:
            continue
        declarations += logical(declaration.lower_name, _value(declaration))
    if not declarations:
        return None
    return _block(",".join(selectors), declarations)


def _tokens(rule: QualifiedRule) -> list[tuple[str, str]]:
    """The custom properties a token rule declares."""
    return [(d.name, _value(d)) for d in _declarations(rule) if d.name.startswith("--")]


def _is_token_rule(rule: QualifiedRule, selector: str) -> bool:
    """Whether `rule` is a block of custom properties on `selector`."""
    return _selectors(rule) == [selector] and bool(_tokens(rule))


def build_css(source: str) -> str:
    """kern.css for teilhabe from KERN's full dist/kern.css."""
    stylesheet = tinycss2.parse_stylesheet(source, skip_comments=True, skip_whitespace=True)
    root_tokens: dict[str, str] = {}
    desktop_tokens: dict[str, str] = {}
    light_tokens: dict[str, str] = {}
    dark_tokens: dict[str, str] = {}
    contextual_tokens: dict[str, str] = {}
    components: list[str] = []
    media_components: dict[str, list[str]] = {}

    for node in stylesheet:
        if node.type == "qualified-rule":
            selectors = _selectors(node)
            if selectors == [":root"]:
                root_tokens.update(_tokens(node))
            elif selectors and selectors[0].startswith(":is(body"):
                contextual_tokens.update(_tokens(node))
            elif (rule := _component_rule(node)) is not None:
                components.append(rule)
        elif node.type == "at-rule" and node.at_keyword == "media":
            query = " ".join(tinycss2.serialize(node.prelude).split())
            inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            for child in inner:
                if child.type != "qualified-rule":
                    continue
                if _is_token_rule(child, ":root"):
                    target = {
                        "(prefers-color-scheme: dark)": dark_tokens,
                        "(prefers-color-scheme: light)": light_tokens,
                        "(min-width: 768px)": desktop_tokens,
                    }.get(query)
                    if target is not None:
                        target.update(_tokens(child))
                elif (rule := _component_rule(child)) is not None:
                    media_components.setdefault(query, []).append(rule)

    # Light is the default (also when the browser states no preference); dark overrides it.
    defaults = {**root_tokens, **light_tokens}
    kept_text = "\n".join(
        components
        + [rule for rules in media_components.values() for rule in rules]
        + [f"{k}:{v}" for k, v in {**contextual_tokens, **desktop_tokens, **dark_tokens}.items()]
        + [f"{k}:{v}" for k, v in defaults.items() if PUBLIC_TOKEN.match(k)]
    )
    needed = _referenced_tokens(kept_text, defaults)
    defaults = {k: v for k, v in defaults.items() if PUBLIC_TOKEN.match(k) or k in needed}
    desktop_tokens = {k: v for k, v in desktop_tokens.items() if k in defaults}

    defined = set(defaults) | set(contextual_tokens)
    components = [_drop_fallbacks(rule, defined) for rule in components]
    media_components = {
        query: [_drop_fallbacks(rule, defined) for rule in rules]
        for query, rules in media_components.items()
    }
    lines = [
        _block(":root", list(defaults.items())),
        _block("@media (min-width: 768px){:root", list(desktop_tokens.items())) + "}",
        _block("@media (prefers-color-scheme: dark){:root", list(dark_tokens.items())) + "}",
        _block("body", list(contextual_tokens.items())),
        *components,
    ]
    for query, rules in media_components.items():
        lines.append(f"@media {query}{{" + "".join(rules) + "}")
    return "\n".join(lines) + "\n"


FALLBACK = re.compile(r"var\((--[A-Za-z0-9-]+),\s*[^()]*?(?:\([^()]*\)[^()]*?)*\)")


def _drop_fallbacks(rule: str, defined: set[str]) -> str:
    """`var(--token, 8px)` as `var(--token)` where the token is always defined here."""
    return FALLBACK.sub(lambda m: f"var({m[1]})" if m[1] in defined else m[0], rule)


def _referenced_tokens(text: str, tokens: dict[str, str]) -> set[str]:
    """Every custom property that `text` refers to, directly or through other tokens."""
    pending = set(VAR_REFERENCE.findall(text))
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        pending |= set(VAR_REFERENCE.findall(tokens.get(name, "")))
    return seen


HEADER = f"""/*! KERN UX {KERN_VERSION} (@kern-ux/native), licensed under the {KERN_LICENCE}.
 * Source: {TARBALL_URL} ({TARBALL_INTEGRITY[:23]}…)
 * Licence text: assets/vendor/kern-ux/LICENSE.md. Copyright the KERN-UX team (Dataport and
 * contributors), https://kern-ux.de.
 * A derivative selection for teilhabe: the design tokens (light, dark) and the components
 * {", ".join(c.removeprefix("kern-") for c in COMPONENTS)}, and the icons
 * {", ".join(ICONS)}; physical left/right rewritten to logical properties.
 * GENERATED by tools/kern/build.py - do not edit; change the script and re-run it.
 */
"""

NOTICE = f"""KERN UX {KERN_VERSION} (npm package @kern-ux/native)
Licence: {KERN_LICENCE} (European Union Public Licence 1.2), see LICENSE.md in this folder.
Homepage: https://kern-ux.de - source: https://gitlab.opencode.de/kern-ux/kern-ux-plain
Tarball: {TARBALL_URL}
Integrity: {TARBALL_INTEGRITY}

assets/css/kern.css is a derivative work of dist/kern.css from that tarball, made by
tools/kern/build.py: only the design tokens and the components teilhabe uses are kept, physical
left/right properties are rewritten to logical ones, and comments and -webkit-mask duplicates are
dropped. It is distributed under the same licence (EUPL-1.2). KERN's fonts are not shipped.
"""


def main(argv: list[str] | None = None) -> int:
    """Build (or with --check, verify) kern.css and the vendored licence files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="a local copy of the pinned tarball")
    parser.add_argument("--check", action="store_true", help="only check the committed files")
    args = parser.parse_args(argv)

    tarball = fetch_tarball(args.tarball)
    outputs = {
        OUTPUT_CSS: HEADER + build_css(read_member(tarball, "dist/kern.css")),
        VENDOR_DIR / "LICENSE.md": read_member(tarball, "LICENSE.md"),
        VENDOR_DIR / "NOTICE": NOTICE,
    }
    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text() != text]
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        print(f"wrote {path.relative_to(ROOT)} ({len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
