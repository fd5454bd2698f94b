"""`update_index`: rebuild the search indexes in bulk, with a progress bar and the throughput.

Wagtail's command (modelsearch's `rebuild_modelsearch_index`) prints a dot per chunk, pages
through each model with growing OFFSETs and, on an engine with atomic rebuilds, loses what
editors publish while it runs: live updates go to the old index behind the alias, which is
dropped at the switch. This one keeps its options and its rebuilders and adds:

- keyset chunks (``pk > last``), so the 100th chunk costs what the first does;
- a backend may say which models and objects it holds (`indexes_model`,
  `indexed_objects`): a public per-language index reads the searchable pages of its own
  language only, not every page type, image and snippet of every language;
- tqdm's progress bar per model on stderr (objects, rate, time left) and a summary line per
  backend on stdout: objects, seconds, objects per second;
- after the switch, pages changed during the rebuild are indexed again
  (`search.replay.replay_pages_changed_since`), so nothing published meanwhile is lost;
- on PostgreSQL, the rewritten search tables are analysed at the end: until autovacuum
  does so, the planner takes a freshly filled facet store for empty and picks nested loops
  that cost seconds per search.

Each chunk goes to the backend in one request: the engine's bulk API, the database backend's
batched upserts; `SearchWordFormsMixin.get_indexed_objects` loads the relations indexing reads
in a few queries per chunk.
"""

import time

from django.db import connection
from django.utils import timezone
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import (
    DEFAULT_CHUNK_SIZE,
    group_models_by_index,
)
from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as ModelsearchCommand,
)
from tqdm import tqdm

from search.postgres import LocalePostgresSearchBackend
from search.replay import replay_pages_changed_since
from search.similar_words import refresh_similar_words


class Command(ModelsearchCommand):
    """Rebuild every configured search index (or one, with ``--backend``) in bulk."""

    help = __doc__.splitlines()[0]

    def handle(self, **options) -> None:
        """Rebuild the backends, index again what changed meanwhile, refresh the statistics.

        The catch-up runs once, after every alias has switched: it writes to all backends.
        """
        started_at = timezone.now()
        self.database_rebuilt = False
        super().handle(**options)
        if not options.get("schema_only"):
            replayed = replay_pages_changed_since(started_at)
            if replayed:
                self.write(f"{replayed} pages changed meanwhile indexed again")
            if self.database_rebuilt:  # the typo words come from its index entries
                refresh_similar_words()
        analyze_search_tables()

    def update_backend(
        self, backend_name: str, schema_only: bool = False, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> int:
        """Rebuild the indexes of one backend; return how many objects were indexed."""
        backend = get_search_backend(backend_name)
        self.database_rebuilt |= isinstance(backend, LocalePostgresSearchBackend)
        if not backend.rebuilder_class:
            self.write(f"{backend_name}: needs no rebuilding")
            return 0
        started = time.perf_counter()
        indexed = 0
        wanted = getattr(backend, "indexes_model", lambda model: True)
        offered = [model for model in get_indexed_models() if wanted(model)]
        for index, models in group_models_by_index(backend, offered).items():
            rebuilder = backend.rebuilder_class(index)
            new_index = rebuilder.start()
            for model in models:
                new_index.add_model(model)
            if not schema_only:
                for model in models:
                    queryset = (
                        backend.indexed_objects(model)
                        if hasattr(backend, "indexed_objects")
                        else model.get_indexed_objects()
                    )
                    indexed += self.index_model(backend_name, new_index, queryset, chunk_size)
            rebuilder.finish()
        seconds = time.perf_counter() - started
        rate = indexed / seconds if seconds else 0.0
        self.write(f"{backend_name}: {indexed} objects in {seconds:.1f} s ({rate:.0f} objects/s)")
        return indexed

    def index_model(self, backend_name: str, index, queryset, chunk_size: int) -> int:
        """Add the objects of `queryset` to `index`, a chunk per request; return the count."""
        model = queryset.model
        label = f"{backend_name}: {model._meta.label}"
        count = 0
        with tqdm(
            total=queryset.count(),
            desc=label,
            unit=" objects",
            file=self.stderr._out,
            disable=self.verbosity < 1,
            dynamic_ncols=True,
            leave=self.verbosity > 1,
        ) as progress:
            for chunk in self.keyset_chunks(queryset, chunk_size):
                index.add_items(model, chunk)
                count += len(chunk)
                progress.update(len(chunk))
        return count

    def keyset_chunks(self, queryset, chunk_size: int = DEFAULT_CHUNK_SIZE):
        """Yield `queryset` as lists of at most `chunk_size` objects, in primary-key order.

        Objects added or removed meanwhile shift no chunk boundary (unlike OFFSET paging);
        changes to pages are caught up after the switch.
        """
        last_pk = None
        while True:
            page = queryset.order_by("pk")
            if last_pk is not None:
                page = page.filter(pk__gt=last_pk)
            chunk = list(page[:chunk_size])
            if not chunk:
                return
            yield chunk
            last_pk = chunk[-1].pk


def analyze_search_tables() -> None:
    """On PostgreSQL, update the planner's statistics of the tables search reads.

    Skipped inside a caller's transaction (tests, a release script's atomic block): ANALYZE
    would hold its table lock until that transaction ends and block every other ANALYZE,
    including another rebuild's; autovacuum analyses the tables soon after anyway.
    """
    from wagtail.search.models import IndexEntry

    from search.models import SearchEntry, SearchFacetValue, SearchWindow

    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    tables = [m._meta.db_table for m in (IndexEntry, SearchEntry, SearchFacetValue, SearchWindow)]
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(connection.ops.quote_name(t) for t in tables)}")
