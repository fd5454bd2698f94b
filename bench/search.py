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
from datetime import time as time_of_day
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


TARGETS = (
    "p95 ≤ 50 ms on OpenSearch and ≤ 100 ms on PostgreSQL at 10,000 documents, "
    "≤ 100 ms on OpenSearch at 100,000; ≥ 1,000 documents/s into OpenSearch"
)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def add_children(parent, pages: list) -> None:
    """Insert `pages` (one page type, all live) under `parent` in bulk, without signals.

    Creating 100,000 pages one `add_child` at a time takes hours (each save runs validation,
    treebeard's path lookup and the search signals); the benchmark measures search, so it
    writes the tree rows directly: `Page` rows with `bulk_create`, then the page type's own
    table with a raw insert (as fixture loading does), then the parent's child count.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page

    if not pages:
        return
    parent.refresh_from_db()
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for step, page in enumerate(pages, start=parent.numchild + 1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.first_published_at = page.last_published_at = now
    page_fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    rows = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in page_fields}) for page in pages],
        batch_size=2000,
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.id
    model.objects._insert(pages, fields=model._meta.local_concrete_fields, raw=True)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))


def build_content(total: int, rng: random.Random) -> None:
    """Create `total` offers and funding sources, half in de and half in ar, in bulk."""
    import uuid

    from wagtail.models import Locale, Page

    from site_pages import factories as f
    from site_pages import models as m

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("de", "ar")}
    districts = [f.DistrictFactory(locale=locales["de"]) for _ in range(8)]
    for code, words in (("de", WORDS_DE), ("ar", WORDS_AR)):
        locale = locales[code]
        home = Page.get_first_root_node().add_child(
            instance=m.HomePage(title=f"Home {code}", slug=f"bench-home-{code}", locale=locale)
        )
        offers_index = home.add_child(
            instance=m.OfferIndexPage(title="Angebote", slug="angebote", locale=locale)
        )
        funding_index = home.add_child(
            instance=m.FundingIndexPage(title="Foerderung", slug="foerderung", locale=locale)
        )
        offers, sources = [], []
        for i in range(total // 4):
            title = " ".join(rng.sample(words, 3))
            offers.append(
                m.OfferPage(
                    title=f"{title} {i}",
                    slug=f"o{i}",
                    summary=" ".join(rng.sample(words, 8)),
                    locale=locale,
                    languages=rng.sample(["de", "ar", "en", "fa", "uk"], 2),
                    barrier_free=rng.random() < 0.5,
                    cost=rng.choice(["free", "fee"]),
                    cost_note="5 €",
                )
            )
            sources.append(
                m.FundingSourcePage(
                    title=f"{title} Förderung {i}",
                    slug=f"f{i}",
                    locale=locale,
                    summary=" ".join(rng.sample(words, 8)),
                    funder_level=rng.choice(["eu", "federal", "state", "municipal", "foundation"]),
                    eligible_applicants=["associations"],
                )
            )
        add_children(offers_index, offers)
        add_children(funding_index, sources)
        through = m.OfferPage.districts.through
        through.objects.bulk_create(
            [
                through(offerpage_id=offer.pk, district_id=district.pk)
                for offer in offers
                for district in rng.sample(districts, 2)
            ],
            batch_size=5000,
        )
        m.OpeningHours.objects.bulk_create(
            [
                m.OpeningHours(
                    offer_id=offer.pk,
                    weekday=weekday,
                    opens=time_of_day(9),
                    closes=time_of_day(17),
                    sort_order=n,
                )
                for offer in offers
                if rng.random() < 0.5
                for n, weekday in enumerate(rng.sample(range(7), 3))
            ],
            batch_size=5000,
        )
        m.FundingDeadline.objects.bulk_create(
            [
                m.FundingDeadline(
                    funding_source_id=source.pk,
                    closes_on=date.today() + timedelta(days=rng.randint(-60, 300)),
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    sort_order=0,
                )
                for source in sources
            ],
            batch_size=5000,
        )


def build_indexes(total: int) -> dict[str, float]:
    """(Re)build every search index with `update_index`; documents per second, per index kind.

    This is the step a deployment runs once; it creates each engine index with its mapping
    and language analyzer, so the figures measure indexing alone, apart from page creation.
    "engine" is the public per-language indexes together (each document goes to one of
    them), "admin" the engine's all-locale index, "database" the database backend's index,
    "facets" the facet store.
    """
    from django.core.management import call_command

    seconds: dict[str, float] = {}
    for name in settings.WAGTAILSEARCH_BACKENDS:
        if name.startswith("database_"):  # PostgreSQL query backends share "database"
            continue
        kind = "engine" if name.startswith("public_") else name
        if name == "default":
            kind = "admin" if settings.SEARCH_URL else "database"
        started = time.perf_counter()
        call_command("update_index", backend_name=name, verbosity=0)
        seconds[kind] = seconds.get(kind, 0.0) + time.perf_counter() - started
    if settings.SEARCH_URL:
        from wagtail.search.backends import get_search_backend

        get_search_backend("default").es.indices.refresh(index=f"{settings.SEARCH_INDEX_PREFIX}*")
    return {kind: total / spent for kind, spent in seconds.items()}


def run_queries(count: int, rng: random.Random, backend_kind: str) -> tuple[list[float], int]:
    """Run `count` faceted searches through the public search service.

    Returns the seconds each took and the most SQL queries one of them needed.
    """
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from search.params import SearchParams
    from search.service import run_search

    if backend_kind == "database":
        settings.WAGTAILSEARCH_BACKENDS = {
            k: v for k, v in settings.WAGTAILSEARCH_BACKENDS.items() if not k.startswith("public_")
        }
    timings = []
    most_queries = 0
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
        locale = Locale.objects.get(language_code=code)
        connection.queries_log.clear()  # a full log (9,000 queries) would count none
        with translation.override(code), CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            run_search(params, locale, date.today())
            timings.append(time.perf_counter() - started)
        most_queries = max(most_queries, len(queries.captured_queries))
    return timings, most_queries


def main() -> None:
    """Build, index, query, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument(
        "--only",
        choices=["database", "engine"],
        help="query one backend only (all indexes are built all the same)",
    )
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
    load_before = os.getloadavg()
    try:
        started = time.perf_counter()
        build_content(args.docs, rng)
        print(f"built {args.docs} documents in {time.perf_counter() - started:.1f} s")
        docs_per_second = build_indexes(args.docs)
        print(
            "indexing, documents/s: "
            + ", ".join(f"{kind} {rate:.0f}" for kind, rate in docs_per_second.items())
        )
        kinds = ["database"] + (["engine"] if settings.SEARCH_URL else [])
        if args.only:
            kinds = [kind for kind in kinds if kind == args.only]
        backends = dict(settings.WAGTAILSEARCH_BACKENDS)
        lines = []
        for kind in kinds:
            settings.WAGTAILSEARCH_BACKENDS = dict(backends)
            timings, most_queries = run_queries(args.queries, rng, kind)
            name = (
                f"{connection.vendor} database search"
                if kind == "database"
                else f"engine ({settings.SEARCH_URL})"
            )
            line = (
                f"| {name} | {args.docs} | {docs_per_second[kind]:.0f} | {args.queries} | "
                f"{percentile(timings, 0.5) * 1000:.0f} | {percentile(timings, 0.95) * 1000:.0f} | "
                f"{percentile(timings, 0.99) * 1000:.0f} | {statistics.mean(timings) * 1000:.0f} | "
                f"{most_queries} |"
            )
            print(line)
            lines.append(line)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    load_after = os.getloadavg()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    results = ROOT / "bench" / "RESULTS.md"
    rates = ", ".join(f"{kind} {rate:.0f}" for kind, rate in docs_per_second.items())
    with results.open("a", encoding="utf-8") as out:
        out.write(
            f"\n## search, {args.docs} documents ({date.today().isoformat()}, {machine})\n\n"
            f"Load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after. "
            f"Indexing with `update_index`, documents/s: {rates}. Targets (upper bounds): "
            f"{TARGETS}.\n\n"
            "| backend | documents | docs/s (update_index) | queries | p50 ms | p95 ms "
            "| p99 ms | mean ms | most SQL queries per search |\n"
            "|---|---|---|---|---|---|---|---|---|\n" + "\n".join(lines) + "\n"
        )


if __name__ == "__main__":
    main()
