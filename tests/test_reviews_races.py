"""Races with real processes: simultaneous "mark reviewed" POSTs and simultaneous reminder runs.

The site is served by a process of its own (`runserver`, one thread per request), so the
POSTs really run at once, each on its own database connection; reminder runs are separate
`manage.py send_review_reminders` processes. On PostgreSQL they use the test database (what
they need is committed from a helper connection and removed afterwards); the SQLite variants
use a migrated database file, as the embedded default does.
"""

import json
import re
import shutil
import sqlite3
import threading
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.conf import settings

from reviews.tokens import make_review_token
from tests.processes import (
    database_url,
    finish_all,
    in_own_connection,
    run_python,
    serving,
    start_python,
)
from tests.reviewing import NOW, create_racing_site, remove_racing_site
from tests.smtp import SMTPServer

SIMULTANEOUS = 4
RACING_OWNERS = 12

SQLITE_SITE_SCRIPT = f"""
import json
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from tests.reviewing import create_racing_site
print(json.dumps(create_racing_site({RACING_OWNERS})))
"""


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory) -> tuple[Path, dict]:
    """A migrated SQLite database with the racing site, made once; tests work on copies."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    database = folder / "db.sqlite3"
    result = run_python(
        ["-c", SQLITE_SITE_SCRIPT], sqlite_environment(database), folder, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return database, json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def sqlite_site(sqlite_template, tmp_path) -> tuple[Path, dict]:
    """A fresh copy of the SQLite template database, and what it holds."""
    template, site = sqlite_template
    database = tmp_path / "db.sqlite3"
    shutil.copy(template, database)
    return database, site


def sqlite_environment(database: Path) -> dict[str, str]:
    """Settings (environment) of a process working on the SQLite file `database`."""
    return {"DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": settings.SECRET_KEY}


@pytest.fixture
def postgres_site(db):
    """The racing site committed to the PostgreSQL test database, removed afterwards."""
    made = {}
    in_own_connection(lambda: made.update(create_racing_site(1)))
    yield made
    in_own_connection(lambda: remove_racing_site(made))


def review_link(site: dict) -> str:
    """The path of the first owner's "mark reviewed" link."""
    token = make_review_token(
        site["measures"][0], site["owners"][0], date.fromisoformat(site["due"])
    )
    return f"/reminders/review/{token}/"


def post_at_once(url: str, count: int) -> list[tuple[int, str]]:
    """Open the form once, then submit it `count` times at the same moment (status, body)."""
    with urllib.request.urlopen(url, timeout=30) as form_page:
        cookie = SimpleCookie(form_page.headers["Set-Cookie"])["csrftoken"].value
        html = form_page.read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, "outcome": "confirmed"})
    start = threading.Barrier(count)
    answers: list[tuple[int, str]] = []
    lock = threading.Lock()

    def submit() -> None:
        """One reviewer's click."""
        request = urllib.request.Request(
            url, data=body.encode(), headers={"Cookie": f"csrftoken={cookie}"}, method="POST"
        )
        start.wait(30)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                answer = (response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            answer = (error.code, error.read().decode())
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=submit) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    return answers


def assert_recorded_once(answers: list[tuple[int, str]]) -> None:
    """One answer says the review was recorded, every other one that it already was."""
    assert len(answers) == SIMULTANEOUS
    assert sorted(status for status, _body in answers) == [200] * SIMULTANEOUS, answers
    recorded = [body for _status, body in answers if "<h1>Review recorded</h1>" in body]
    already = [body for _status, body in answers if "<h1>Already reviewed</h1>" in body]
    assert (len(recorded), len(already)) == (1, SIMULTANEOUS - 1)


@pytest.mark.service("postgres")
def test_simultaneous_posts_on_postgres_record_one_review(postgres_site, tmp_path):
    from reviews.models import ReviewLog

    environment = {"DATABASE_URL": database_url(), "SECRET_KEY": settings.SECRET_KEY}
    with serving(environment, tmp_path) as base_url:
        answers = post_at_once(base_url + review_link(postgres_site), SIMULTANEOUS)
    assert_recorded_once(answers)
    logs = ReviewLog.objects.filter(page_id=postgres_site["measures"][0])
    assert logs.count() == 1
    assert logs.get().was_due.isoformat() == postgres_site["due"]


def test_simultaneous_posts_on_sqlite_record_one_review(sqlite_site, tmp_path):
    database, site = sqlite_site
    with serving(sqlite_environment(database), tmp_path) as base_url:
        answers = post_at_once(base_url + review_link(site), SIMULTANEOUS)
    assert_recorded_once(answers)
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT was_due FROM reviews_reviewlog WHERE page_id = ?", [site["measures"][0]]
        ).fetchall()
    assert rows == [(site["due"],)]


def mail_to(smtp: SMTPServer) -> dict[str, str]:
    """Settings (environment) that send a process's mail to `smtp`."""
    return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp.port), "EMAIL_USE_TLS": "false"}


REMINDER_RUN = ["manage.py", "send_review_reminders", "--now", NOW.isoformat()]


def test_simultaneous_reminder_runs_on_sqlite_exit_cleanly_and_send_each_digest_once(
    sqlite_site, tmp_path
):
    database, site = sqlite_site
    with SMTPServer() as smtp:
        smtp.handler.delay_seconds = 0.05  # each digest holds the lock a while: runs overlap
        environment = {**sqlite_environment(database), **mail_to(smtp)}
        runs = [
            start_python(REMINDER_RUN, environment, tmp_path / f"run{number}")
            for number in range(SIMULTANEOUS)
        ]
        outputs = finish_all(runs)
        for run, (_out, err) in zip(runs, outputs, strict=True):
            assert run.returncode == 0, err[-3000:]
        assert sorted(smtp.handler.recipients()) == site["emails"]
    assert sum(out.count("sent: ") for out, _err in outputs) == RACING_OWNERS


def test_a_run_that_finds_sqlite_locked_for_long_waits_and_then_delivers(sqlite_site, tmp_path):
    """Locked for longer than SQLite's busy timeout (1 s here): the run retries, then sends."""
    database, site = sqlite_site
    environment = sqlite_environment(database)
    environment["DATABASE_URL"] += "?timeout=1"
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process writes, until the run has given up once
    with SMTPServer() as smtp:
        run = start_python(REMINDER_RUN, {**environment, **mail_to(smtp)}, tmp_path)
        try:
            waited = any("locked by another process; trying again" in line for line in run.stderr)
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        out, err = run.communicate(timeout=120)
        assert waited, err[-3000:]
        assert run.returncode == 0, err[-3000:]
        assert sorted(smtp.handler.recipients()) == site["emails"]
    assert out.count("sent: ") == RACING_OWNERS
