"""Reminders with real parts: processes on PostgreSQL, a Celery worker on Redis, aiosmtpd.

These tests use the demo content that the session committed to the test database (other
processes and threads cannot see a test's own transaction) and remove what they recorded.
"""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.utils import translation

from reviews.delivery import digest_subject
from reviews.models import DeliveryLock, ReminderPreference, ReviewLog, SentReminder
from reviews.planning import plan_run
from tests.processes import ROOT, database_url, in_own_connection
from tests.reviewing import NOW
from tests.smtp import SMTPServer

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def committed(db):
    """Other processes and threads write for real; what they recorded is removed afterwards.

    The test itself runs in a transaction (rolled back) and sees their committed rows; the
    clean-up runs on a connection of its own so that it is committed too.
    """
    in_own_connection(_forget_reminders)
    yield
    in_own_connection(_forget_reminders)


def _forget_reminders() -> None:
    """Delete what a run records, so that later tests see the demo as loaded."""
    SentReminder.objects.all().delete()
    DeliveryLock.objects.all().delete()
    ReviewLog.objects.all().delete()
    ReminderPreference.objects.all().delete()


def expected_recipients() -> list[str]:
    """Who the demo's run on the demo day must reach, once each."""
    return sorted(digest.recipient.email for digest in plan_run(NOW).digests)


def expected_subjects() -> dict[str, str]:
    """Recipient → the subject of their digest on the demo day, in their language."""
    subjects = {}
    for digest in plan_run(NOW).digests:
        with translation.override(digest.language):
            subjects[digest.recipient.email] = digest_subject(digest)
    return subjects


def start_command(smtp: SMTPServer, tmp_path) -> subprocess.Popen:
    """`manage.py send_review_reminders` for the demo day, in its own process."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DATABASE_URL": database_url(),
        "TEILHABE_VAR_DIR": str(tmp_path / "var"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_USE_TLS": "false",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "send_review_reminders", "--now", NOW.isoformat()],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.service("postgres")
def test_two_workers_at_once_send_each_reminder_once(committed, tmp_path):
    expected = expected_recipients()
    assert len(expected) >= 3, "the demo day has several recipients"
    with SMTPServer() as smtp:
        runs = [start_command(smtp, tmp_path / str(i)) for i in range(2)]
        outputs = [run.communicate(timeout=120) for run in runs]
        for run, (_out, err) in zip(runs, outputs, strict=True):
            assert run.returncode == 0, err[-2000:]
        assert sorted(smtp.handler.recipients()) == expected
    assert SentReminder.objects.values("recipient", "address").distinct().count() == len(expected)


@pytest.mark.service("postgres")
def test_a_worker_killed_mid_run_sends_the_rest_and_repeats_none(committed, tmp_path):
    expected = expected_recipients()
    with SMTPServer() as smtp:
        smtp.handler.hold_from = 2  # the third message hangs: the process dies mid-delivery
        run = start_command(smtp, tmp_path / "first")
        assert smtp.handler.holding.wait(60), run.stderr.read() if run.poll() else "no hold"
        run.send_signal(signal.SIGKILL)
        run.wait(30)
        first = smtp.handler.recipients()
        assert len(first) == 2
        assert SentReminder.objects.values("recipient", "address").distinct().count() == 2
        smtp.handler.hold_from = None
        smtp.handler.released.set()
        again = start_command(smtp, tmp_path / "second")
        out, err = again.communicate(timeout=120)
        assert again.returncode == 0, err[-2000:]
        assert sorted(smtp.handler.recipients()) == expected  # each once: none lost, none twice
        assert out.count("sent: ") == len(expected) - 2


@pytest.mark.service("redis")
@pytest.mark.service("postgres")
def test_celery_worker_on_redis_delivers_digests_over_smtp(committed):
    from cms.celery import app
    from reviews.tasks import send_review_reminders

    assert app.conf.broker_url.startswith("redis://")
    expected = expected_recipients()
    subjects = expected_subjects()
    karim = "karim.haddad@eisenach.example"  # prefers English in the demo
    assert karim in expected
    with SMTPServer() as smtp:
        overrides = smtp.django_settings()
        previous = {name: getattr(settings, name, None) for name in overrides}
        for name, value in overrides.items():
            setattr(settings, name, value)
        try:
            app.control.purge()
            send_review_reminders.delay(NOW.isoformat())
            with worker_in_background(app):
                deadline = time.monotonic() + 60
                while len(smtp.handler.accepted) < len(expected) and time.monotonic() < deadline:
                    time.sleep(0.2)
                time.sleep(1)  # anything extra would arrive now
        finally:
            for name, value in previous.items():
                setattr(settings, name, value)
        messages = {str(message["To"]): message for message in smtp.handler.accepted}
        assert sorted(smtp.handler.recipients()) == expected
    # Folded encoded subjects parse with the folding space in front; it carries no meaning.
    received = {to: str(message["Subject"]).strip() for to, message in messages.items()}
    assert received == subjects
    english = messages[karim]
    assert english["Content-Language"] == "en"
    assert english["Subject"].startswith("teilhabe: ") and "review" in english["Subject"]
    german = messages["lena.schubert@eisenach.example"]  # a measure owner reading German
    assert german["Content-Language"] == "de"
    assert "Maßnahme" in german["Subject"]  # a digest of measures names them
    for message in messages.values():
        assert str(message["List-Unsubscribe"]).strip().startswith("<http")
        text = message.get_body(preferencelist=("plain",)).get_content()
        link = next(
            line.split(": ", 1)[1] for line in text.splitlines() if "/reminders/review/" in line
        )
        assert Client().get(link.split("8000", 1)[-1]).status_code == 200
    assert SentReminder.objects.values("recipient", "address").distinct().count() == len(expected)


@contextlib.contextmanager
def worker_in_background(app):
    """A real Celery worker (solo pool) started from a thread of its own.

    Starting a worker makes Celery's Django fix-up close the database connections of the
    thread that starts it; started here, that is a helper thread, not the test's connection.
    """
    from celery.contrib.testing.worker import start_worker

    ready, stop, errors = threading.Event(), threading.Event(), []

    def run() -> None:
        try:
            with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
                ready.set()
                stop.wait(120)
        except Exception as error:  # reported in the test's thread
            errors.append(error)
            ready.set()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(60), "the worker did not start"
    if errors:
        raise errors[0]
    try:
        yield
    finally:
        stop.set()
        thread.join(60)


EMBEDDED_SCRIPT = """
import json, os, pathlib, time
from datetime import date
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from celery.contrib.testing.worker import start_worker
from cms.celery import app
from site_pages import models as m
from site_pages.factories import UserFactory
from wagtail.models import Page
from reviews.tasks import send_review_reminders

owner = UserFactory(username="owner", email="owner@eisenach.example")
root = Page.get_first_root_node()
field = root.add_child(instance=m.ActionFieldPage(title="Feld", slug="feld", number=1))
field.add_child(instance=m.MeasurePage(
    title="Maßnahme", slug="m", code="1.1", summary="s", specific_goal="z",
    next_review_due=date(2026, 11, 27), measure_owner=owner,
))
send_review_reminders.delay("2026-11-30T07:00:00+01:00")
mail = pathlib.Path(os.environ["TEILHABE_VAR_DIR"]) / "mail"
with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
    deadline = time.monotonic() + 60
    while not (mail.exists() and any(mail.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)
files = sorted(mail.iterdir()) if mail.exists() else []
print(json.dumps({"broker": app.conf.broker_url, "mails": [f.read_text() for f in files]}))
"""


def test_embedded_default_runs_reminders_without_redis_into_the_mail_folder(tmp_path):
    """No Redis, no SMTP: the filesystem broker and the file mail backend carry the run."""
    import json

    from tests.processes import run_python

    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = run_python(["-c", EMBEDDED_SCRIPT], env, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["broker"] == "filesystem://"
    (mail,) = report["mails"]
    assert "To: owner@eisenach.example" in mail and "1.1 Maßnahme" in mail


@pytest.mark.parametrize(
    ("last_run", "hours_until_next"),
    [
        (datetime(2027, 3, 27, 7, 0, tzinfo=BERLIN), 23),  # clocks go forward that night
        (datetime(2027, 10, 30, 7, 0, tzinfo=BERLIN), 25),  # clocks go back
        (datetime(2027, 6, 1, 7, 0, tzinfo=BERLIN), 24),
    ],
)
def test_beat_runs_daily_at_seven_berlin_time_across_daylight_saving(last_run, hours_until_next):
    from cms.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["send-review-reminders"]
    assert entry["task"] == "reviews.send_review_reminders"
    schedule = entry["schedule"]
    schedule.app = app
    assert str(app.timezone) == "Europe/Berlin"
    now = last_run + timedelta(seconds=1)
    schedule.nowfun = lambda: now
    due, seconds = schedule.is_due(last_run)
    next_run = (now.astimezone(ZoneInfo("UTC")) + timedelta(seconds=seconds)).astimezone(BERLIN)
    assert not due
    assert (next_run.hour, next_run.minute) == (7, 0)
    assert next_run.date() == last_run.date() + timedelta(days=1)
    assert round((seconds + 1) / 3600) == hours_until_next
