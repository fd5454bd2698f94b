"""Benchmark planning a reminder run: 100,000 measures, 10,000 of them due, in a scratch database.

    python bench/reminders.py [--measures 100000] [--due 10000] [--owners 2000]

Creates its own throw-away database (like bench/search.py; DATABASE_URL chooses SQLite or
PostgreSQL), fills it in bulk (pages are written with computed tree paths, not one by one),
then times `reviews.planning.plan_run` and reports seconds, SQL queries and peak Python
memory (tracemalloc), and appends the figures to bench/RESULTS.md.
"""

import argparse
import os
import platform
import random
import sys
import time
import tracemalloc
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

DAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 7, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def build(measures: int, due: int, owners: int, rng: random.Random) -> None:
    """Nine action fields holding `measures` measures, `due` of them due within 14 days."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page

    from site_pages import models as m

    User = get_user_model()
    User.objects.bulk_create(
        User(username=f"owner{i}", email=f"owner{i}@eisenach.example", first_name="O")
        for i in range(owners)
    )
    user_ids = list(User.objects.values_list("pk", flat=True))
    locale = Locale.objects.get_or_create(language_code="de")[0]
    root = Page.get_first_root_node()
    index = root.add_child(
        instance=m.ActionFieldIndexPage(title="Handlungsfelder", slug="hf", locale=locale)
    )
    fields = [
        index.add_child(
            instance=m.ActionFieldPage(
                title=f"Feld {n}",
                slug=f"feld-{n}",
                number=n,
                locale=locale,
                coordinator_id=rng.choice(user_ids),
            )
        )
        for n in range(1, 10)
    ]
    content_type = ContentType.objects.get_for_model(m.MeasurePage)
    local_fields = m.MeasurePage._meta.local_concrete_fields
    per_field = -(-measures // len(fields))
    due_days = [rng.randint(-60, 14) for _ in range(due)] + [
        rng.randint(15, 700) for _ in range(measures - due)
    ]
    rng.shuffle(due_days)
    created = 0
    for field in fields:
        count = min(per_field, measures - created)
        pages = [
            Page(
                title=f"Maßnahme {created + i}",
                draft_title=f"Maßnahme {created + i}",
                slug=f"m{created + i}",
                content_type=content_type,
                locale=locale,
                translation_key=uuid.uuid4(),
                depth=field.depth + 1,
                path=Page._get_path(field.path, field.depth + 1, i + 1),
                url_path=f"{field.url_path}m{created + i}/",
                live=True,
            )
            for i in range(count)
        ]
        Page.objects.bulk_create(pages, batch_size=2000)
        ids = dict(
            Page.objects.filter(path__startswith=field.path, depth=field.depth + 1).values_list(
                "path", "pk"
            )
        )
        rows = []
        for i, page in enumerate(pages):
            owner = rng.choice(user_ids)
            rows.append(
                m.MeasurePage(
                    page_ptr_id=ids[page.path],
                    code=f"{field.number}.{i % 99 + 1}",
                    summary="Kurz.",
                    specific_goal="Ziel.",
                    measure_owner_id=owner,
                    deputy_id=rng.choice(user_ids) if rng.random() < 0.5 else None,
                    next_review_due=DAY + timedelta(days=due_days[created + i]),
                )
            )
        for start in range(0, len(rows), 2000):
            m.MeasurePage._base_manager._insert(
                rows[start : start + 2000], fields=local_fields, using="default"
            )
        Page.objects.filter(pk=field.pk).update(numchild=count)
        created += count


def main() -> None:
    """Build, plan, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=100_000)
    parser.add_argument("--due", type=int, default=10_000)
    parser.add_argument("--owners", type=int, default=2_000)
    args = parser.parse_args()
    setup_test_environment()
    connection.settings_dict.setdefault("TEST", {})["NAME"] = (
        None if connection.vendor == "sqlite" else "bench_reminders"
    )
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        build(args.measures, args.due, args.owners, random.Random(2020))
        built = time.perf_counter() - started
        from reviews.planning import plan_run

        plan_run(NOW)  # warm-up: imports, content types, translations
        tracemalloc.start()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            plan = plan_run(NOW)
            seconds = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        items = sum(len(d.items) for d in plan.digests)
        # What one delivery task plans: its recipient's measures only (the busiest recipient).
        busiest = max(plan.digests, key=lambda d: len(d.items)).recipient
        with CaptureQueriesContext(connection) as one_queries:
            started = time.perf_counter()
            plan_run(NOW, recipient_id=busiest.pk)
            one_seconds = time.perf_counter() - started
        line = (
            f"| {connection.vendor} | {args.measures} | {args.due} | {len(plan.digests)} | "
            f"{items} | {seconds:.2f} | {len(queries)} | {peak / 2**20:.0f} | "
            f"{one_seconds:.3f} ({len(one_queries)} queries) | {built:.0f} |"
        )
        print(line)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as out:
        out.write(
            f"\n## reminders: planning one run ({date.today().isoformat()}, {machine})\n\n"
            "| database | measures | due | digests | digest items | plan seconds | SQL queries "
            "| peak MiB (tracemalloc) | one recipient's plan, seconds | build seconds |\n"
            "|---|---|---|---|---|---|---|---|---|---|\n"
            f"{line}\n"
        )


if __name__ == "__main__":
    main()
