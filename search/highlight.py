"""Highlighted snippets: the query's words marked in an escaped piece of text."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_LENGTH = 220


def highlight(text: str, query: str, length: int = SNIPPET_LENGTH) -> SafeString:
    """Escape `text`, cut it around the first match and wrap matched words in <mark>."""
    text = " ".join((text or "").split())
    words = [re.escape(w) for w in query.split() if len(w) >= 2][:10]
    pattern = re.compile("|".join(words), re.IGNORECASE) if words else None
    start = 0
    if pattern and (match := pattern.search(text)):
        start = max(0, match.start() - length // 3)
    piece = text[start : start + length]
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(text) else ""
    if not pattern:
        return mark_safe(prefix + escape(piece) + suffix)
    out, last = [], 0
    for match in pattern.finditer(piece):
        out += [escape(piece[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        last = match.end()
    out.append(escape(piece[last:]))
    return mark_safe(prefix + "".join(out) + suffix)
