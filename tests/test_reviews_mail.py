"""Digests on the wire: a real SMTP server (aiosmtpd), languages, links, headers, once only."""

import re
import smtplib

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from reviews.delivery import deliver, render_digest
from reviews.models import SentReminder
from reviews.planning import plan_run
from reviews.tasks import deliver_review_digest
from site_pages.factories import UserFactory
from tests.reviewing import NOW, add_measure, digest_for

ARABIC = re.compile(r"[\u0600-\u06FF]")


def owner_speaking(language: str):
    """A measure owner whose profile asks for `language`."""
    user = UserFactory(username=f"eigner-{language}", first_name="Rana", last_name="Test")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def parts(message) -> tuple[str, str]:
    """(plain text, html) of a parsed email."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


@pytest.mark.parametrize(
    ("language", "subject_word", "heading"),
    [("de", "Maßnahme", "Überfällig"), ("en", "measure", "Overdue"), ("ar", None, None)],
)
def test_digest_is_written_in_the_recipients_language(field, language, subject_word, heading):
    owner = owner_speaking(language)
    add_measure(field, "9.51", -3, measure_owner=owner)
    add_measure(field, "9.52", 5, measure_owner=owner)
    email = render_digest(digest_for(plan_run(NOW), owner))
    subject, text = email.subject, email.body
    html = email.alternatives[0].content
    assert email.extra_headers["Content-Language"] == language
    assert f'lang="{language}"' in html
    if language == "ar":
        assert 'dir="rtl"' in html
        assert ARABIC.search(subject)
        assert ARABIC.search(text.split("9.51")[0]), "the greeting and headings are Arabic"
        assert ARABIC.search(html.split("9.51")[0])
    else:
        assert 'dir="ltr"' in html
        assert subject_word in subject
        assert heading in text and heading in html
    assert "Maßnahme 9.51" in text and "Maßnahme 9.52" in text  # measure titles stay German


def test_digest_delivered_once_over_smtp_with_links_and_headers(field, smtp_server, client):
    owner = owner_speaking("en")
    measure = add_measure(field, "9.51", -3, measure_owner=owner)
    plan = plan_run(NOW)
    assert deliver(digest_for(plan, owner), NOW) == 1
    (message,) = smtp_server.handler.accepted
    assert message["To"] == owner.email
    assert message["Subject"] == "teilhabe: 1 measure needs your review (1 overdue)"
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    assert "/reminders/preferences/" in unsubscribe
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = parts(message)
    edit_link = f"/admin/pages/{measure.pk}/edit/"
    assert edit_link in text and edit_link in html
    review_link = re.search(r"http://\S+/reminders/review/\S+/", text).group(0)
    assert review_link in html
    # The links work: "mark reviewed" opens its one-click form, the preferences page opens.
    assert client.get(review_link.split("8000", 1)[-1]).status_code == 200
    assert client.get(unsubscribe.split("8000", 1)[-1]).status_code == 200
    assert SentReminder.objects.filter(recipient=owner).count() == 1

    # The same run again (a second worker, a retried task) sends nothing.
    assert deliver(digest_for(plan, owner), NOW) == 0
    assert digest_for(plan_run(NOW), owner) is None
    assert len(smtp_server.handler.accepted) == 1


@pytest.mark.parametrize(
    ("production", "base_url", "links_start"),
    [
        (True, "http://teilhabe.eisenach.example", "https://teilhabe.eisenach.example/"),
        (True, "https://teilhabe.eisenach.example", "https://teilhabe.eisenach.example/"),
        (False, "http://127.0.0.1:8000", "http://127.0.0.1:8000/"),
    ],
)
def test_production_digests_link_over_https_whatever_base_url_says(
    field, settings, production, base_url, links_start
):
    """RFC 8058: the one-click List-Unsubscribe URL must be https; development keeps http."""
    settings.IS_PRODUCTION, settings.BASE_URL = production, base_url
    owner = owner_speaking("de")
    add_measure(field, "9.51", -3, measure_owner=owner)
    message = render_digest(digest_for(plan_run(NOW), owner))
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith(f"<{links_start}reminders/preferences/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    links = re.findall(r"https?://\S+", message.body)
    assert len(links) == 4  # mark reviewed, edit, dashboard, preferences
    assert [link for link in links if not link.startswith(links_start)] == []


def test_smtp_failure_records_nothing_and_a_retry_sends(field, smtp_server):
    owner = owner_speaking("de")
    add_measure(field, "9.51", -3, measure_owner=owner)
    smtp_server.handler.refuse_next = 1
    with pytest.raises(smtplib.SMTPDataError):
        deliver(digest_for(plan_run(NOW), owner), NOW)
    assert not SentReminder.objects.filter(recipient=owner).exists()
    assert deliver(digest_for(plan_run(NOW), owner), NOW) == 1
    assert smtp_server.handler.recipients() == [owner.email]


def test_celery_task_retries_smtp_failures_with_backoff(field, smtp_server, settings):
    owner = owner_speaking("de")
    add_measure(field, "9.51", -3, measure_owner=owner)
    assert smtplib.SMTPException in deliver_review_digest.autoretry_for
    assert deliver_review_digest.retry_backoff and deliver_review_digest.max_retries >= 3
    smtp_server.handler.refuse_next = 2
    result = deliver_review_digest.apply(args=[owner.pk, NOW.isoformat()])  # eager: retries inline
    assert result.successful(), result.traceback
    assert smtp_server.handler.attempts == 3
    assert smtp_server.handler.recipients() == [owner.email]
    assert SentReminder.objects.filter(recipient=owner).count() == 1


def test_command_dry_run_prints_and_sends_nothing(field, capsys):
    from django.core.management import call_command

    owner = owner_speaking("en")
    add_measure(field, "9.51", -3, measure_owner=owner)
    call_command(
        "send_review_reminders", "--dry-run", "--now", NOW.isoformat(), "--only", owner.email
    )
    out = capsys.readouterr().out
    assert f"would send: {owner.email} [en]: 1 overdue" in out
    assert mail.outbox == [] and not SentReminder.objects.exists()
    call_command("send_review_reminders", "--now", NOW.isoformat(), "--only", owner.email)
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert "sent: " in capsys.readouterr().out


def test_command_rejects_a_malformed_now():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="ISO 8601"):
        call_command("send_review_reminders", "--now", "yesterday")


def test_rendering_a_long_digest_needs_no_query_per_measure(field, django_assert_max_num_queries):
    owner = owner_speaking("de")
    for i in range(20):
        add_measure(field, f"9.{60 + i}", i - 10, measure_owner=owner)
    digest = digest_for(plan_run(NOW), owner)
    assert len(digest.items) == 20
    with django_assert_max_num_queries(2):
        text = render_digest(digest).body
    assert text.count("/reminders/review/") == 20
