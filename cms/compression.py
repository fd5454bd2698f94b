"""Compression of text responses (HTML, JSON, XML feeds and sitemaps) in every environment.

`PublicCompressionMiddleware` is django-compression-middleware's `CompressionMiddleware`
(zstd, brotli or gzip, whichever the client's Accept-Encoding names first in that order of
preference; responses under 500 bytes or that would shrink by less than 100 bytes stay as
they are; `Vary: Accept-Encoding` on every response it considers) with three limits:

- only text types are compressed: images, PDFs and other downloads are compressed already
  or are served as files (and byte ranges) that must stay as they are;
- responses that are already encoded (WhiteNoise's pre-compressed static files) are left
  alone by the parent class;
- BREACH: a compressed response must not hold a secret next to text an attacker can put
  into it (search terms are reflected on the search page). So nothing is compressed for
  a request that carries a session cookie (a signed-in editor: admin pages show personal
  data and reflect their filters), nor a response into which a CSRF token was rendered
  (forms that POST). The public site's forms use GET and carry no token, so anonymous
  visitors get every public page compressed.

It must sit after `CsrfViewMiddleware` in MIDDLEWARE: that middleware clears the "a token
was used" flag on the way out, before middleware above it sees the response (and sets the
CSRF cookie, which is the other sign of a token, only then).
"""

from compression_middleware.middleware import CompressionMiddleware
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

TEXT_TYPES = frozenset(
    {
        "application/javascript",
        "application/json",
        "application/xml",
        "image/svg+xml",
    }
)


def is_text_type(content_type: str) -> bool:
    """Whether a Content-Type header names text worth compressing."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return (
        media_type.startswith("text/")
        or media_type in TEXT_TYPES
        or media_type.endswith(("+json", "+xml"))
    )


def may_hold_secret(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether `response` may contain a secret (BREACH): the request has a session, or a
    CSRF token was rendered into it.

    Rendering a token (`get_token`) flags the request; `CsrfViewMiddleware` clears the flag
    when it sets the CSRF cookie on the response, which views decorated with `csrf_protect`
    (the login pages) do before any middleware sees the response. So either sign counts.
    """
    return (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        or settings.CSRF_COOKIE_NAME in response.cookies
    )


class PublicCompressionMiddleware(CompressionMiddleware):
    """Compresses text responses that hold no secret, as the client's Accept-Encoding asks."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        """Compress `response` unless it is no text or may hold a secret."""
        if not is_text_type(response.get("Content-Type", "")) or may_hold_secret(request, response):
            return response
        return super().process_response(request, response)
