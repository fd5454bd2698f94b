"""Bidirectional isolation: left-to-right runs inside right-to-left HTML (ar, fa).

In an Arabic or Persian page the Unicode bidi algorithm orders the parts of a German name,
a phone number or an address by the page's direction: "03691 0990-110" shows as
"0990-110 03691", „nebenan angekommen“ loses its quotes' sides. Wrapping each such run in
``<bdi dir="ltr">`` lays it out as one left-to-right unit that still flows in the
right-to-left sentence. Templates isolate the structured values they know (``ltr`` and
``isolate`` filters); `isolate_ltr_runs` covers what editors and translators write in text.
"""

import re
from html import unescape

from django.utils.html import escape

LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_OPENERS = '«„“‚‘"‹('
_CLOSERS = {"»": "«", "“": "„“", "”": "“„", "‘": "‚", "’": "‘‚", '"': '"', "›": "‹", ")": "("}
_SPACES = " \u00a0\u202f"
_INNER = re.escape(".,:;/@&#_%+'’-–—«»„“”‚‘‹›\"()" + _SPACES)
# A run starts at a Latin letter or a digit (or an opening quote, bracket or "+" before one),
# and goes on over Latin letters, digits, spaces and the punctuation of names, numbers and
# addresses; it stops at the first Arabic-script (or other) letter.
_RUN = re.compile(rf"[{re.escape(_OPENERS)}+]?[{LATIN}0-9][{LATIN}0-9{_INNER}]*")
_NEEDS_ISOLATION = re.compile(rf"[{LATIN}@]|\d[{_SPACES}/]+[\d(+]")
_ABBREVIATION_END = re.compile(rf"(?:^|[\s.]){'[' + LATIN + ']'}\.$")
# Markup whose text must stay as it is: no elements allowed inside (option, textarea, title),
# not HTML text (script, style, svg) or already isolated (bdi, and anything marked dir="ltr").
_VERBATIM = {"bdi", "option", "script", "style", "svg", "textarea", "title"}
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
}  # fmt: skip
_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_TAG_NAME = re.compile(r"<(/?)\s*([A-Za-z][A-Za-z0-9-]*)")
_DIR = re.compile(r"""\sdir\s*=\s*["']?(ltr|rtl|auto)\b""", re.I)


def _trim(run: str) -> str:
    """`run` without trailing spaces and punctuation, keeping closers and abbreviation dots."""
    while run:
        last = run[-1]
        if last.isalnum():
            break
        if last in _CLOSERS and any(opener in run[:-1] for opener in _CLOSERS[last]):
            break
        if last == "." and _ABBREVIATION_END.search(run):
            break
        run = run[:-1]
    return run


def _isolate_text(text: str) -> str:
    """Escaped `text` (plain, unescaped) with each left-to-right run in ``<bdi dir="ltr">``."""
    parts: list[str] = []
    position = 0
    for match in _RUN.finditer(text):
        run = _trim(match.group())
        if not _NEEDS_ISOLATION.search(run):
            continue
        start = match.start()
        parts.append(escape(text[position:start]))
        parts.append(f'<bdi dir="ltr">{escape(run)}</bdi>')
        position = start + len(run)
    parts.append(escape(text[position:]))
    return "".join(parts)


def isolate_ltr_runs(html: str) -> str:
    """`html` with each left-to-right run of its text isolated; markup is left untouched.

    Only text between tags changes, never attributes; text inside ``bdi``, ``svg``,
    ``script``, ``style``, ``option``, ``textarea``, ``title`` and elements with
    ``dir="ltr"`` stays as it is.
    """
    output: list[str] = []
    # The open elements, each with "verbatim", its direction ("ltr", "rtl", "auto") or "".
    open_elements: list[tuple[str, str]] = []
    position = 0
    for markup in _MARKUP.finditer(html):
        output.append(_text(html[position : markup.start()], open_elements))
        tag = markup.group()
        output.append(tag)
        position = markup.end()
        name = _TAG_NAME.match(tag)
        if name is None:
            continue
        closing, element = name.group(1), name.group(2).lower()
        if closing:
            _close(open_elements, element)
        elif element not in _VOID and not tag.endswith("/>"):
            direction = _DIR.search(tag)
            state = direction.group(1).lower() if direction else ""
            open_elements.append((element, "verbatim" if element in _VERBATIM else state))
    output.append(_text(html[position:], open_elements))
    return "".join(output)


def _close(open_elements: list[tuple[str, str]], element: str) -> None:
    """Pop `element` (and anything left open inside it) off `open_elements`, if it is open."""
    for index in range(len(open_elements) - 1, -1, -1):
        if open_elements[index][0] == element:
            del open_elements[index:]
            return


def _text(text: str, open_elements: list[tuple[str, str]]) -> str:
    """A text segment between tags, isolated unless it is verbatim or in a left-to-right box.

    The innermost element with a ``dir`` decides: text in ``dir="ltr"`` is laid out left to
    right already, text in a ``dir="rtl"`` inside it needs isolating again.
    """
    if not text or any(state == "verbatim" for _element, state in open_elements):
        return text
    directions = [state for _element, state in open_elements if state]
    if directions and directions[-1] == "ltr":
        return text
    return _isolate_segment(text)


def _isolate_segment(text: str) -> str:
    """One text segment of HTML, isolated; unchanged (byte for byte) when nothing needs it."""
    plain = unescape(text)
    isolated = _isolate_text(plain)
    return text if isolated == escape(plain) else isolated
