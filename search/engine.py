"""Per-language search engine backends (Elasticsearch 8/9, OpenSearch 2/3).

modelsearch has no per-language analysis, so teilhabe runs one backend per locale: each has
its own index prefix, that language's analyzer as the index's default analyzer, and indexes
only the public, searchable pages of its own locale. The admin keeps a separate all-locale
index ("default").
"""

from copy import deepcopy

from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from modelsearch.utils import deep_update

# OpenSearch/Elasticsearch built-in analyzers (analysis-common); None: the standard analyzer.
LANGUAGE_ANALYZERS = {
    "de": "german",
    "en": "english",
    "ar": "arabic",  # includes arabic_normalization: أ/إ/آ → ا, ة → ه, ى → ي, no tashkeel
    "uk": None,  # Ukrainian needs the analysis-ukrainian plugin
    "ru": "russian",
    "tr": "turkish",
    "fa": "persian",  # includes persian_normalization
    "pl": None,  # Polish needs the analysis-stempel plugin
    "ro": "romanian",
}


def language_index_settings(language_code: str) -> dict:
    """Index settings that make the language's analyzer the default for text fields."""
    analyzer = LANGUAGE_ANALYZERS.get(language_code)
    if analyzer is None:
        return {}
    return {"settings": {"analysis": {"analyzer": {"default": {"type": analyzer}}}}}


class SearchDocumentMappingMixin:
    """Adds the public search fields (`search.engine_query`) to modelsearch's page mapping."""

    def get_mapping(self):
        """modelsearch's mapping plus the facet, window and sorting fields."""
        from search.engine_query import ENGINE_PROPERTIES

        mapping = super().get_mapping()
        mapping["properties"].update(ENGINE_PROPERTIES)
        return mapping

    def get_document(self, obj):
        """modelsearch's document plus the page's `IndexDocument` fields, when attached."""
        from search.engine_query import engine_fields

        document = super().get_document(obj)
        search_document = getattr(obj, "_search_document", None)
        if search_document is not None:
            document.update(engine_fields(search_document))
        return document


class LocaleIndexMixin:
    """Holds one language's live, public, searchable pages, each with its `IndexDocument`.

    Created with a search analyzer that knows the language's synonym sets
    (`search.engine_synonyms`).

    Pages of this language that are not (or no longer) public are removed in the same bulk
    request; other languages' pages and other types are ignored.
    """

    def put(self):
        """Create the index with the language's search analyzer and current synonym sets."""
        from search.engine_synonyms import search_analysis, synonym_rules

        language_code = self.backend.language_code
        configured = self.backend.settings
        self.backend.settings = deep_update(
            deepcopy(configured), search_analysis(language_code, synonym_rules(language_code))
        )
        try:
            super().put()
        finally:
            self.backend.settings = configured

    def add_item(self, item):
        """Index `item` (or drop it, if it is no longer public) when it is of this language."""
        self.add_items(type(item), [item])

    def add_items(self, model, items):
        """Index this language's public pages among `items` in one bulk request."""
        from django.utils import timezone

        from search.documents import SEARCHABLE_MODELS, index_documents

        if model not in SEARCHABLE_MODELS:
            return  # update_index also offers every page as a plain Page: not ours
        locale_ids = _locale_ids(self.backend.language_code)
        mine = [item for item in items if item.locale_id in locale_ids]
        if not mine:
            return
        documents = index_documents([item.pk for item in mine], timezone.localdate())
        mapping = self.mapping_class(model)
        actions = []
        for item in mine:
            document_id = mapping.get_document_id(item)
            if item.pk in documents:
                item._search_document = documents[item.pk]
                actions.append({"_id": document_id, **mapping.get_document(item)})
            else:
                actions.append({"_op_type": "delete", "_id": document_id})
        _bulk(self, actions)


def _locale_ids(language_code: str) -> set[int]:
    """Ids of the locales of a language (one, unless a site has regional variants)."""
    from wagtail.models import Locale

    return set(Locale.objects.filter(language_code=language_code).values_list("pk", flat=True))


def _bulk(index, actions: list[dict]) -> None:
    """Send index and delete actions in one bulk request; deleting an absent page is fine."""
    _ok, errors = index.backend.bulk(
        index.es, actions, index=index.name, raise_on_error=False, raise_on_exception=True
    )
    failures = [
        error
        for error in errors
        if not ("delete" in error and error["delete"].get("status") == 404)
    ]
    if failures:
        raise RuntimeError(f"{len(failures)} documents not indexed: {failures[:3]}")


class RecordFailuresMixin:
    """Remembers objects whose index update failed (engine down) so they can be replayed.

    modelsearch logs and swallows indexing errors of engine backends (a page save must not
    fail because the engine is away); without a note the index would stay stale.
    """

    def add(self, obj):
        """Index `obj`; on failure remember it for `search.replay.replay_pending_updates`."""
        try:
            return super().add(obj)
        except Exception as error:
            _remember(obj, error)
            raise

    def delete(self, obj):
        """Remove `obj` from the index; on failure remember it for replay."""
        try:
            return super().delete(obj)
        except Exception as error:
            _remember(obj, error)
            raise


def _remember(obj, error: Exception) -> None:
    """Record a failed index update (imported late: backends load before the app registry)."""
    from search.models import PendingIndexUpdate

    PendingIndexUpdate.remember(obj, error)


class LocaleBackendMixin:
    """Takes the LANGUAGE option and adds that language's analyzer to the index settings."""

    def __init__(self, params):
        params = dict(params)
        self.language_code = params.pop("LANGUAGE")
        params["INDEX_SETTINGS"] = deep_update(
            language_index_settings(self.language_code), params.get("INDEX_SETTINGS", {})
        )
        super().__init__(params)

    def indexes_model(self, model) -> bool:
        """Whether `update_index` should offer this backend the objects of `model`."""
        from search.documents import SEARCHABLE_MODELS

        return model in SEARCHABLE_MODELS

    def indexed_objects(self, model):
        """What `update_index` offers this backend of `model`: the pages of its language."""
        return model.get_indexed_objects().filter(locale__language_code=self.language_code)


def _locale_backend(base_backend):
    """A per-language subclass of a modelsearch engine backend."""
    index_class = type(
        f"Locale{base_backend.index_class.__name__}",
        (LocaleIndexMixin, base_backend.index_class),
        {"__doc__": "An index holding one language's public pages."},
    )
    mapping_class = type(
        f"Locale{base_backend.mapping_class.__name__}",
        (SearchDocumentMappingMixin, base_backend.mapping_class),
        {"__doc__": "modelsearch's mapping with the public search fields."},
    )
    return type(
        f"Locale{base_backend.__name__}",
        (RecordFailuresMixin, LocaleBackendMixin, base_backend),
        {
            "index_class": index_class,
            "mapping_class": mapping_class,
            "__doc__": "One language's public search backend.",
        },
    )


def _admin_backend(base_backend):
    """The all-locale (admin) engine backend, remembering failed updates like the others."""
    return type(
        f"Recording{base_backend.__name__}",
        (RecordFailuresMixin, base_backend),
        {"__doc__": "The admin's all-locale engine backend."},
    )


LocaleElasticsearch8Backend = _locale_backend(Elasticsearch8SearchBackend)
LocaleElasticsearch9Backend = _locale_backend(Elasticsearch9SearchBackend)
AdminElasticsearch8Backend = _admin_backend(Elasticsearch8SearchBackend)
AdminElasticsearch9Backend = _admin_backend(Elasticsearch9SearchBackend)


def _opensearch(version: int):
    """OpenSearch's modelsearch backend class (its client is imported only when used)."""
    if version == 2:
        from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend as backend
    else:
        from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend as backend
    return backend


def __getattr__(name: str):
    """Build the OpenSearch variants on first use."""
    for version in (2, 3):
        if name == f"LocaleOpenSearch{version}Backend":
            return _locale_backend(_opensearch(version))
        if name == f"AdminOpenSearch{version}Backend":
            return _admin_backend(_opensearch(version))
    raise AttributeError(name)
