"""Compressed responses: HTML, JSON and XML by the middleware, static files by WhiteNoise."""

import gzip
import json
import re

import brotli
import pytest
import zstandard
from django.http import HttpResponse
from django.templatetags.static import static
from django.test import RequestFactory

from cms.compression import PublicCompressionMiddleware
from site_pages import models as m

pytestmark = pytest.mark.django_db

DECODERS = {
    "gzip": gzip.decompress,
    "br": brotli.decompress,
    "zstd": lambda data: zstandard.ZstdDecompressor().decompress(data, max_output_size=10**8),
}


def _vary(response) -> set[str]:
    """The header names in the response's Vary header, lower case."""
    return {name.strip().lower() for name in response.get("Vary", "").split(",") if name}


def _home_url() -> str:
    """The German demo home page."""
    return m.HomePage.objects.get(locale__language_code="de").url


def _decoded(response) -> bytes:
    """The response body, decompressed as its Content-Encoding says."""
    return DECODERS[response["Content-Encoding"]](response.content)


@pytest.mark.parametrize(
    ("accept_encoding", "encoding"),
    [("gzip", "gzip"), ("gzip, deflate, br", "br"), ("gzip, deflate, br, zstd", "zstd")],
)
def test_html_is_compressed_as_the_client_asks(client, accept_encoding, encoding):
    response = client.get(_home_url(), headers={"accept-encoding": accept_encoding})
    assert response.status_code == 200
    assert response["Content-Encoding"] == encoding
    assert "accept-encoding" in _vary(response)
    html = _decoded(response).decode()
    assert html.startswith("<!DOCTYPE html>")
    assert int(response["Content-Length"]) == len(response.content) < len(html.encode()) / 2


def test_html_stays_plain_when_the_client_does_not_ask(client):
    response = client.get(_home_url())
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert "accept-encoding" in _vary(response)
    assert response.content.decode().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_search_results_as_json_are_compressed(client, encoding, search_backend_kind):
    response = client.get("/de/suche/api/", {"q": "Deutsch"}, headers={"accept-encoding": encoding})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Encoding"] == encoding
    assert json.loads(_decoded(response))["results"]


def test_tiny_json_is_not_compressed(client):
    response = client.get(
        "/de/suche/vorschlaege/", {"q": "D"}, headers={"accept-encoding": "gzip, br"}
    )
    assert response.status_code == 200
    assert response.json() == {"suggestions": []}
    assert not response.has_header("Content-Encoding")


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_the_sitemap_is_compressed(client, encoding):
    response = client.get("/sitemap.xml", headers={"accept-encoding": encoding})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert response["Content-Encoding"] == encoding
    assert b"<urlset" in _decoded(response)


def test_a_page_with_a_csrf_token_is_not_compressed(client):
    """BREACH: a token next to reflected input must not go out compressed."""
    response = client.get("/admin/login/", {"next": "/admin/"}, headers={"accept-encoding": "br"})
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert not response.has_header("Content-Encoding")


def test_pages_for_a_signed_in_editor_are_not_compressed(client, admin_user):
    """BREACH: what a session sees may hold personal data; it goes out uncompressed."""
    client.force_login(admin_user)
    for url in (_home_url(), "/admin/pages/search/?q=Deutsch"):
        response = client.get(url, headers={"accept-encoding": "gzip, br"})
        assert response.status_code == 200, url
        assert not response.has_header("Content-Encoding"), url


def test_binary_responses_are_left_alone():
    request = RequestFactory().get("/media/photo.jpg", headers={"accept-encoding": "gzip, br"})
    image = HttpResponse(b"\xff\xd8\xff" + b"\x00" * 5000, content_type="image/jpeg")
    middleware = PublicCompressionMiddleware(lambda request: image)
    response = middleware(request)
    assert not response.has_header("Content-Encoding")
    assert len(response.content) == 5003


def test_feeds_and_other_text_types_are_compressed():
    request = RequestFactory().get("/feed/", headers={"accept-encoding": "gzip"})
    feed = HttpResponse(b"<rss>" + b"<item>Kurs</item>" * 200 + b"</rss>", "application/rss+xml")
    response = PublicCompressionMiddleware(lambda request: feed)(request)
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content).startswith(b"<rss>")


HASHED_CSS = re.compile(r"^/static/css/site\.[0-9a-f]{12}\.css$")


def test_static_files_are_linked_by_hashed_name(client):
    url = static("css/site.css")
    assert HASHED_CSS.match(url), url
    html = client.get(_home_url()).content.decode()
    assert f'href="{url}"' in html


@pytest.mark.parametrize(("accept_encoding", "encoding"), [("gzip", "gzip"), ("gzip, br", "br")])
def test_static_files_are_served_precompressed_and_cached_for_good(
    client, collected_static, accept_encoding, encoding
):
    url = static("css/site.css")
    source = (collected_static / url.removeprefix("/static/")).read_bytes()
    response = client.get(url, headers={"accept-encoding": accept_encoding})
    assert response.status_code == 200
    assert response["Content-Encoding"] == encoding
    assert "accept-encoding" in _vary(response)
    assert "immutable" in response["Cache-Control"]
    body = b"".join(response.streaming_content)
    assert DECODERS[encoding](body) == source
    assert (collected_static / f"{url.removeprefix('/static/')}.{encoding[:2]}").exists()


def test_debug_links_plain_names_unless_the_collected_files_are_served(settings):
    settings.DEBUG = True
    settings.TEILHABE_COLLECTED_STATIC = False
    assert static("css/site.css") == "/static/css/site.css"
    settings.TEILHABE_COLLECTED_STATIC = True
    assert HASHED_CSS.match(static("css/site.css"))
