"""Benchmark public search: index 10,000 offers and funding sources, run 500 faceted queries.

    python bench/search.py [--docs 10000] [--queries 500]

Runs against the configured database (DATABASE_URL, SQLite by default) and, with SEARCH_URL,
also against the engine. It builds its own throw-away database content in a separate test
database (Django's test runner machinery), reports documents indexed per second and query
latency percentiles per backend, and appends the figures to bench/RESULTS.md.
"""

import argparse
import os
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
os.environ.setdefault("SEARCH_INDEX_PREFIX", "teilhabe_bench_")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import translation  # noqa: E402

WORDS_DE = [
    "Beratung",
    "Sprachkurs",
    "Frauen",
    "Eltern",
    "Kinder",
    "Arbeit",
    "Ausbildung",
    "Gesundheit",
    "Sport",
    "Kultur",
    "Begegnung",
    "Nachbarschaft",
    "Integration",
    "Wohnen",
    "Schule",
    "Kita",
    "Verein",
    "Ehrenamt",
    "Pflege",
    "Bewerbung",
    "Anerkennung",
    "Dolmetscher",
    "Treffpunkt",
    "Garten",
    "Musik",
    "Café",
    "Hausaufgaben",
]
WORDS_AR = [
    "استشارة",
    "لغة",
    "نساء",
    "أسرة",
    "أطفال",
    "عمل",
    "تدريب",
    "صحة",
    "رياضة",
    "ثقافة",
    "لقاء",
    "جيران",
    "اندماج",
    "سكن",
    "مدرسة",
]
QUERIES_DE = [
    "Beratung",
    "Sprachkurs",
    "Fraunberatung",
    "Kita Eltern",
    "Ausbildung",
    "Sport",
    "Gesundheit Dolmetscher",
    "Verein",
    "",
]
QUERIES_AR = ["استشارة", "لغة", "أطفال", "عمل", ""]


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def build_content(total: int, rng: random.Random) -> None:
    """Create `total` offers and funding sources in de and ar."""
    from wagtail.models import Locale, Page

    from site_pages import factories as f
    from site_pages import models as m

    root = Page.get_first_root_node()
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("de", "ar")}
    districts = [f.DistrictFactory(locale=locales["de"]) for _ in range(8)]
    for code, words in (("de", WORDS_DE), ("ar", WORDS_AR)):
        home = root.add_child(
            instance=m.HomePage(title=f"Home {code}", slug=f"home-{code}", locale=locales[code])
        )
        offers = home.add_child(
            instance=m.OfferIndexPage(title="Angebote", slug="angebote", locale=locales[code])
        )
        funding = home.add_child(
            instance=m.FundingIndexPage(title="Foerderung", slug="foerderung", locale=locales[code])
        )
        for i in range(total // 4):
            title = " ".join(rng.sample(words, 3))
            offer = m.OfferPage(
                title=f"{title} {i}",
                slug=f"o{i}",
                summary=" ".join(rng.sample(words, 8)),
                locale=locales[code],
                languages=rng.sample(["de", "ar", "en", "fa", "uk"], 2),
                barrier_free=rng.random() < 0.5,
                cost=rng.choice(["free", "fee"]),
                cost_note="5 €",
            )
            offer.districts = rng.sample(districts, 2)
            offers.add_child(instance=offer)
            source = m.FundingSourcePage(
                title=f"{title} Förderung {i}",
                slug=f"f{i}",
                locale=locales[code],
                summary=" ".join(rng.sample(words, 8)),
                funder_level=rng.choice(["eu", "federal", "state", "municipal", "foundation"]),
                eligible_applicants=["associations"],
            )
            source.deadlines.add(
                m.FundingDeadline(closes_on=date.today() + timedelta(days=rng.randint(-60, 300)))
            )
            funding.add_child(instance=source)


def build_indexes(total: int) -> float:
    """(Re)build every search index from the database, as `update_index` does; docs/second.

    This is the step a deployment runs once; it creates each engine index with its mapping
    and language analyzer, so the figure measures indexing alone, apart from page creation.
    """
    from django.core.management import call_command

    started = time.perf_counter()
    for name in settings.WAGTAILSEARCH_BACKENDS:
        if not name.startswith("database_"):  # PostgreSQL query backends share "database"
            call_command("update_index", backend_name=name, verbosity=0)
    if settings.SEARCH_URL:
        from wagtail.search.backends import get_search_backend

        get_search_backend("default").es.indices.refresh(index=f"{settings.SEARCH_INDEX_PREFIX}*")
    return total / (time.perf_counter() - started)


def run_queries(count: int, rng: random.Random, backend_kind: str) -> list[float]:
    """Run `count` faceted searches through the public search service; return seconds each."""
    from wagtail.models import Locale

    from search.params import SearchParams
    from search.service import run_search

    if backend_kind == "database":
        settings.WAGTAILSEARCH_BACKENDS = {
            k: v for k, v in settings.WAGTAILSEARCH_BACKENDS.items() if not k.startswith("public_")
        }
    timings = []
    for _ in range(count):
        code = rng.choice(["de", "de", "ar"])
        query = rng.choice(QUERIES_DE if code == "de" else QUERIES_AR)
        filters = {
            "type": rng.choice([[], ["offer"], ["funding"]]),
            "barrier_free": ["1"] if rng.random() < 0.3 else [],
            "open_now": ["1"] if rng.random() < 0.2 else [],
        }
        params = SearchParams(
            query=query,
            filters={name: values for name, values in filters.items() if values},
            sort=rng.choice(["relevance", "deadline", "newest"]),
            page=rng.randint(1, 3),
        )
        with translation.override(code):
            started = time.perf_counter()
            run_search(params, Locale.objects.get(language_code=code), date.today())
            timings.append(time.perf_counter() - started)
    return timings


def main() -> None:
    """Build, index, query, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(20201001)
    setup_test_environment()
    # Its own database (never the test suite's), dropped at the end.
    connection.settings_dict.setdefault("TEST", {})["NAME"] = (
        None if connection.vendor == "sqlite" else "bench_teilhabe"
    )
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    if settings.SEARCH_URL:  # leftovers of an earlier, interrupted run
        from wagtail.search.backends import get_search_backend

        get_search_backend("default").es.indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}*")
    try:
        build_content(args.docs, rng)
        docs_per_second = build_indexes(args.docs)
        kinds = ["database"] + (["engine"] if settings.SEARCH_URL else [])
        backends = dict(settings.WAGTAILSEARCH_BACKENDS)
        lines = []
        for kind in kinds:
            settings.WAGTAILSEARCH_BACKENDS = dict(backends)
            timings = run_queries(args.queries, rng, kind)
            name = (
                f"{connection.vendor} database search"
                if kind == "database"
                else f"engine ({settings.SEARCH_URL})"
            )
            line = (
                f"| {name} | {args.docs} | {docs_per_second:.0f} | {args.queries} | "
                f"{percentile(timings, 0.5) * 1000:.0f} | {percentile(timings, 0.95) * 1000:.0f} | "
                f"{percentile(timings, 0.99) * 1000:.0f} | {statistics.mean(timings) * 1000:.0f} |"
            )
            print(line)
            lines.append(line)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    results = ROOT / "bench" / "RESULTS.md"
    header = (
        "\n## search ({day}, {machine})\n\n"
        "| backend | documents | docs/s (update_index, all backends) | queries "
        "| p50 ms | p95 ms | p99 ms | mean ms |\n|---|---|---|---|---|---|---|---|\n"
    )
    with results.open("a", encoding="utf-8") as out:
        out.write(
            header.format(day=date.today().isoformat(), machine=machine) + "\n".join(lines) + "\n"
        )


if __name__ == "__main__":
    main()
