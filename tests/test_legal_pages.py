"""Legal and trust pages: imprint, privacy, accessibility statement with its feedback form.

Issue 11, acceptance point 6. The feedback form stores each message and mails it to the
site's contact from the Celery task after the request committed (eager here, delivered to a
real SMTP server); spam checks need no third-party service; bad input gets a 4xx.
"""

import time
import uuid

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Locale, Site

from cms import views as cms_views
from editorial.roles import REVIEWERS
from feedback.delivery import mail_feedback
from feedback.forms import MESSAGES_PER_HOUR, form_started_stamp, stamp_age_seconds
from feedback.models import AccessibilityFeedback
from site_pages import factories as f
from site_pages import models as m
from tests.content import german

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager_tasks():
    """Celery tasks run in the test's process as soon as they are queued."""
    from cms.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def statement():
    """The demo's German accessibility statement."""
    return german(m.AccessibilityStatementPage).live().get()


@pytest.fixture
def client_address():
    """An address of its own for each test, so the hourly limit of one never hits another."""
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"


def form_data(**overrides) -> dict:
    """A message as a person sends it: the stamp of a form shown a minute ago."""
    data = {
        "message": "Die Tabelle der Maßnahmen lässt sich mit dem Screenreader nicht lesen.",
        "page_url": "https://teilhabe.example/de/handlungsfelder/",
        "name": "Quokka Beispiel",
        "email": "quokka@example.org",
        "homepage": "",
        "started": form_started_stamp(now=time.time() - 60),
    }
    data.update(overrides)
    return data


def footer_links(body: str) -> list[tuple[str, str]]:
    """(text, href) of the footer's links."""
    footer = BeautifulSoup(body, "html.parser").find("footer", class_="site-footer")
    return [(a.get_text(strip=True), a["href"]) for a in footer.find_all("a")]


# --- the demo's pages --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "de",
            [
                ("Impressum", "/de/impressum/"),
                ("Datenschutzerklärung", "/de/datenschutz/"),
                ("Erklärung zur Barrierefreiheit", "/de/barrierefreiheit/"),
                ("Kontakt", "/de/kontakt/"),
            ],
        ),
        (
            "en",
            [
                ("Imprint", "/en/imprint/"),
                ("Privacy policy", "/en/privacy-policy/"),
                ("Accessibility statement", "/en/accessibility-statement/"),
                ("Contact", "/en/contact/"),
            ],
        ),
    ],
)
def test_demo_footer_links_its_legal_pages_in_the_readers_language(client, language, expected):
    response = client.get(f"/{language}/")
    assert footer_links(response.content.decode()) == expected
    for _text, href in expected:
        page = client.get(href)
        assert page.status_code == 200, href
        assert f'<html lang="{language}"' in page.content.decode()


def test_demo_legal_pages_are_translated_into_arabic(client):
    body = client.get("/ar/").content.decode()
    links = footer_links(body)
    with translation.override("ar"):
        labels = ["Imprint", "Privacy policy", "Accessibility statement", "Contact"]
        assert [text for text, _href in links] == [translation.gettext(label) for label in labels]
    assert all(href.startswith("/ar/") for _text, href in links)
    imprint = client.get(links[0][1]).content.decode()
    assert "<h1>بيانات الناشر</h1>" in imprint
    assert "مكتب الاندماج" in imprint


def test_demo_sets_the_feedback_address_and_keeps_an_editors_choice(demo_home):
    from site_pages.demo.loader import DemoLoader

    site_settings = m.SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert site_settings.feedback_email == "integration@eisenach.example"
    own_imprint = f.StandardPageFactory(parent=demo_home, title="Unser Impressum", publish=True)
    site_settings.imprint_page = own_imprint
    site_settings.feedback_email = "barrieren@example.org"
    site_settings.save()

    DemoLoader().run()

    site_settings.refresh_from_db()
    assert site_settings.imprint_page_id == own_imprint.pk
    assert site_settings.feedback_email == "barrieren@example.org"


# --- the feedback form -------------------------------------------------------------------
def test_statement_shows_the_feedback_form_with_its_protection(client, statement):
    response = client.get(statement.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", class_="feedback__form")
    assert form["method"] == "post"
    assert form["action"] == statement.url
    names = [field["name"] for field in form.find_all(["input", "textarea"])]
    assert names == [
        "csrfmiddlewaretoken",
        "started",
        "message",
        "page_url",
        "name",
        "email",
        "homepage",
    ]
    for field_id in ("id_message", "id_page_url", "id_name", "id_email"):
        assert form.find("label", attrs={"for": field_id}) is not None, field_id
    trap = form.find(class_="feedback__trap")
    assert trap["aria-hidden"] == "true"
    assert trap.find("input")["tabindex"] == "-1"


def test_sent_feedback_is_stored_and_mailed_once_after_commit(
    client, statement, smtp_server, eager_tasks, client_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(statement.url, form_data(), REMOTE_ADDR=client_address)
        assert smtp_server.handler.accepted == [], "nothing is mailed inside the request"
    assert response.status_code == 303
    assert response["Location"] == statement.url + "gesendet/"
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.name == "Quokka Beispiel"
    assert feedback.language == "de"
    assert feedback.mailed_at is None

    for callback in callbacks:
        callback()

    (message,) = smtp_server.handler.accepted
    assert message["To"] == "integration@eisenach.example"
    assert message["Reply-To"] == "quokka@example.org"
    assert (
        str(message["Subject"]).strip().startswith("Rückmeldung zur Barrierefreiheit: Die Tabelle")
    )
    text = message.get_content()
    assert "mit dem Screenreader nicht lesen" in text
    assert "https://teilhabe.example/de/handlungsfelder/" in text
    feedback.refresh_from_db()
    assert feedback.mailed_to == "integration@eisenach.example"
    assert feedback.mailed_at is not None

    assert mail_feedback(feedback.pk) is False, "a second run sends nothing"
    assert len(smtp_server.handler.accepted) == 1

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "Vielen Dank für Ihre Nachricht" in confirmation.content.decode()
    assert "Quokka Beispiel" not in confirmation.content.decode()


def test_a_refused_delivery_is_retried_and_sent_once(smtp_server):
    feedback = AccessibilityFeedback.objects.create(message="Kontrast zu schwach", language="ar")
    smtp_server.handler.refuse_next = 1
    with pytest.raises(Exception, match="Temporary failure"):
        mail_feedback(feedback.pk)
    feedback.refresh_from_db()
    assert feedback.mailed_at is None, "a failed send is not marked as sent"

    assert mail_feedback(feedback.pk) is True
    assert mail_feedback(feedback.pk) is False
    assert len(smtp_server.handler.accepted) == 1
    assert smtp_server.handler.accepted[0]["Reply-To"] is None


def test_feedback_sent_from_an_arabic_page_is_recorded_as_arabic(
    client, statement, client_address, django_capture_on_commit_callbacks
):
    arabic = statement.get_translation(Locale.objects.get(language_code="ar"))
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(arabic.url, form_data(), REMOTE_ADDR=client_address)
    assert response.status_code == 303
    assert response["Location"].startswith("/ar/")
    assert AccessibilityFeedback.objects.get().language == "ar"


def test_filled_honeypot_pretends_success_and_keeps_nothing(client, statement, client_address):
    response = client.post(
        statement.url, form_data(homepage="https://spam.example"), REMOTE_ADDR=client_address
    )
    assert response.status_code == 303
    assert not AccessibilityFeedback.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "started",
    [
        pytest.param(lambda: form_started_stamp(), id="sent-at-once"),
        pytest.param(lambda: form_started_stamp(now=time.time() - 2 * 24 * 3600), id="too-old"),
        pytest.param(lambda: form_started_stamp(now=time.time() + 600), id="from-the-future"),
        pytest.param(lambda: form_started_stamp()[:-2] + "xx", id="forged"),
        pytest.param(lambda: "", id="missing"),
    ],
)
def test_a_bad_stamp_is_refused_with_a_request_to_send_again(
    client, statement, client_address, started
):
    response = client.post(statement.url, form_data(started=started()), REMOTE_ADDR=client_address)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Das Formular wurde nicht gesendet" in body
    assert "Die Tabelle der Maßnahmen" in body, "what the person wrote is kept in the form"
    assert not AccessibilityFeedback.objects.exists()
    fresh = BeautifulSoup(body, "html.parser").find("input", attrs={"name": "started"})["value"]
    assert stamp_age_seconds(fresh) is not None, "the form comes back with a fresh stamp"


def test_a_missing_message_is_marked_at_the_field(client, statement, client_address):
    response = client.post(statement.url, form_data(message="  "), REMOTE_ADDR=client_address)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    message = soup.find("textarea", id="id_message")
    assert message["aria-invalid"] == "true"
    assert soup.find(id=message["aria-describedby"]).get_text(strip=True)
    assert not AccessibilityFeedback.objects.exists()


def test_more_than_the_hourly_limit_is_refused(
    client, statement, client_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        statuses = [
            client.post(statement.url, form_data(), REMOTE_ADDR=client_address).status_code
            for _ in range(MESSAGES_PER_HOUR + 1)
        ]
    assert statuses == [303] * MESSAGES_PER_HOUR + [429]
    assert AccessibilityFeedback.objects.count() == MESSAGES_PER_HOUR
    other = client.post(statement.url, form_data(), REMOTE_ADDR="192.0.2.77")
    assert other.status_code == 303, "the limit is per client"


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.dictionaries(
        st.sampled_from(["message", "page_url", "name", "email", "homepage", "started", "x"]),
        st.text(max_size=300),
        max_size=7,
    )
)
def test_any_posted_data_gets_a_redirect_or_a_4xx(client, statement, data):
    response = client.post(statement.url, data, REMOTE_ADDR="198.51.100.9")
    assert response.status_code in (303, 400, 429)


def test_other_methods_are_not_allowed(client, statement):
    assert client.put(statement.url).status_code == 405


def test_feedback_is_read_in_the_admin_by_integration_management_only(
    client, editor, statement, client_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        client.post(statement.url, form_data(), REMOTE_ADDR=client_address)
    feedback = AccessibilityFeedback.objects.get()
    client.logout()

    client.force_login(editor)
    listing = client.get(reverse("accessibility_feedback:index"))
    assert listing.status_code == 200
    assert "Die Tabelle der Maßnahmen" in listing.content.decode()
    inspect = client.get(reverse("accessibility_feedback:inspect", args=[feedback.pk]))
    assert inspect.status_code == 200
    assert "quokka@example.org" in inspect.content.decode()
    assert client.get(reverse("accessibility_feedback:edit", args=[feedback.pk])).status_code in (
        302,
        403,
    )
    assert client.get(reverse("accessibility_feedback:add")).status_code in (302, 403)

    reviewer = f.UserFactory(username="pruefung-feedback")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    client.force_login(reviewer)
    assert client.get(reverse("accessibility_feedback:index")).status_code in (302, 403)


def test_personal_data_of_feedback_stays_off_public_pages_and_search(
    client, statement, client_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        client.post(
            statement.url,
            form_data(name="Zyxwvut Privat", email="zyxwvut@example.org"),
            REMOTE_ADDR=client_address,
        )
    assert AccessibilityFeedback.objects.filter(name="Zyxwvut Privat").exists()
    page = client.get(statement.url).content.decode()
    assert "Zyxwvut" not in page
    search = BeautifulSoup(client.get("/de/suche/?q=Zyxwvut").content, "html.parser")
    results = search.find("ol", class_="results")
    assert results.find("a") is None, "no result for the sender's name"
    assert "Zyxwvut" not in results.get_text()


# --- robots.txt, favicon, error pages --------------------------------------------------------
def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /reminders/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_favicon_is_linked_on_every_page_and_served(client):
    body = client.get("/ar/").content.decode()
    icon = BeautifulSoup(body, "html.parser").find("link", rel="icon")
    assert icon["type"] == "image/svg+xml"
    assert icon["href"].startswith("/static/img/favicon.")
    redirect = client.get("/favicon.ico")
    assert redirect.status_code == 302
    assert redirect["Location"] == icon["href"]


@pytest.mark.parametrize(("language", "direction"), [("de", "ltr"), ("ar", "rtl"), ("fa", "rtl")])
def test_404_is_in_the_readers_language_with_switcher_and_own_start_page(
    client, language, direction
):
    response = client.get(f"/{language}/gibt-es-nicht/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.html["dir"] == direction
    with translation.override(language):
        assert soup.h1.get_text() == translation.gettext("Page not found")
        start = soup.find("a", string=translation.gettext("Go to the start page"))
    assert start["href"] == f"/{language}/"
    switcher = soup.find("nav", class_="language-switcher")
    hrefs = [a["href"] for a in switcher.find_all("a")]
    assert f"/{language}/" in hrefs
    assert "/de/" in hrefs
    assert "/en/" in hrefs
    assert soup.find("footer", class_="site-footer").find("a") is not None


def test_500_is_in_the_readers_language_and_falls_back_to_a_plain_page(monkeypatch):
    request = RequestFactory().get("/ar/")
    with translation.override("ar"):
        response = cms_views.server_error(request)
        assert response.status_code == 500
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["dir"] == "rtl"
        assert soup.h1.get_text() == translation.gettext("Internal error")
        assert soup.find("a", href="/ar/") is not None

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(cms_views, "render_to_string", broken)
    plain = cms_views.server_error(request)
    assert plain.status_code == 500
    assert "Interner Fehler" in plain.content.decode()


def test_an_exception_in_a_view_gets_the_localized_500(settings, monkeypatch):
    monkeypatch.setattr(
        m.HomePage, "get_context", lambda *args, **kwargs: (_ for _ in ()).throw(KeyError("x"))
    )
    response = Client(raise_request_exception=False).get("/fa/")
    assert response.status_code == 500
    assert '<html lang="fa" dir="rtl">' in response.content.decode()
