"""Editors' synonym sets in the engine's search analyzer, updated without reindexing.

Each public language index analyses documents with its language's built-in analyzer
(`search.engine.LANGUAGE_ANALYZERS`) and queries with `default_search`: the same chain of
filters, rebuilt as a custom analyzer, with a `synonym_graph` filter holding the language's
synonym sets right after lowercasing (so stop words, normalisation and stemming apply to the
synonyms as to the words typed, and phrases such as "Quokka Garten" work).

Documents are never analysed with synonyms, so a change to a set needs no reindex: the
filter's rules are replaced in the index settings, which the engine allows on a closed
index only (close, update, open: about a second in which the language's search is
answered by the database, `search.backends.with_fallback`). A new index (`update_index`)
is created with the current sets. Query-time widening (`search.synonyms`) stays, so every
backend, the database ones included, finds the same pages.
"""

import logging
import re
from copy import deepcopy

from django.conf import settings

logger = logging.getLogger(__name__)

SYNONYM_FILTER = "teilhabe_synonyms"
# What a rule must not contain: Solr synonym syntax ("=>", ",", "#" comments, escapes).
_RULE_SYNTAX = re.compile(r"=>|[,#\\]")

# The built-in language analyzers as chains (Elasticsearch/OpenSearch reference, "language
# analyzers"): char filters, filters before the synonyms (lowercasing), filters after.
_STOP = "stop"
LANGUAGE_CHAINS: dict[str, dict] = {
    "de": {
        "filters": {
            "teilhabe_de_stop": {"type": _STOP, "stopwords": "_german_"},
            "teilhabe_de_stemmer": {"type": "stemmer", "language": "light_german"},
        },
        "before": ["lowercase"],
        "after": ["teilhabe_de_stop", "german_normalization", "teilhabe_de_stemmer"],
    },
    "en": {
        "filters": {
            "teilhabe_en_possessive": {"type": "stemmer", "language": "possessive_english"},
            "teilhabe_en_stop": {"type": _STOP, "stopwords": "_english_"},
            "teilhabe_en_stemmer": {"type": "stemmer", "language": "english"},
        },
        "before": ["teilhabe_en_possessive", "lowercase"],
        "after": ["teilhabe_en_stop", "teilhabe_en_stemmer"],
    },
    "ar": {
        "filters": {
            "teilhabe_ar_stop": {"type": _STOP, "stopwords": "_arabic_"},
            "teilhabe_ar_stemmer": {"type": "stemmer", "language": "arabic"},
        },
        "before": ["lowercase", "decimal_digit"],
        "after": ["teilhabe_ar_stop", "arabic_normalization", "teilhabe_ar_stemmer"],
    },
    "ru": {
        "filters": {
            "teilhabe_ru_stop": {"type": _STOP, "stopwords": "_russian_"},
            "teilhabe_ru_stemmer": {"type": "stemmer", "language": "russian"},
        },
        "before": ["lowercase"],
        "after": ["teilhabe_ru_stop", "teilhabe_ru_stemmer"],
    },
    "tr": {
        "filters": {
            "teilhabe_tr_lowercase": {"type": "lowercase", "language": "turkish"},
            "teilhabe_tr_stop": {"type": _STOP, "stopwords": "_turkish_"},
            "teilhabe_tr_stemmer": {"type": "stemmer", "language": "turkish"},
        },
        "before": ["apostrophe", "teilhabe_tr_lowercase"],
        "after": ["teilhabe_tr_stop", "teilhabe_tr_stemmer"],
    },
    "fa": {
        "char_filters": {
            "teilhabe_fa_zwnj": {"type": "mapping", "mappings": ["\\u200C=>\\u0020"]},
        },
        "filters": {"teilhabe_fa_stop": {"type": _STOP, "stopwords": "_persian_"}},
        "before": ["lowercase", "decimal_digit"],
        "after": ["arabic_normalization", "persian_normalization", "teilhabe_fa_stop"],
    },
    "ro": {
        "filters": {
            "teilhabe_ro_stop": {"type": _STOP, "stopwords": "_romanian_"},
            "teilhabe_ro_stemmer": {"type": "stemmer", "language": "romanian"},
        },
        "before": ["lowercase"],
        "after": ["teilhabe_ro_stop", "teilhabe_ro_stemmer"],
    },
}
# Languages whose index uses the standard analyzer (no plugin for uk, pl): lowercase only.
STANDARD_CHAIN: dict = {"filters": {}, "before": ["lowercase"], "after": []}


def synonym_rules(language_code: str) -> list[str]:
    """The language's synonym sets as Solr rules ("kita, kindergarten"), lower case."""
    from site_pages.models import SynonymSet

    rules = []
    sets = SynonymSet.objects.filter(locale__language_code=language_code).order_by("pk")
    for synonym_set in sets:
        cleaned = (" ".join(_RULE_SYNTAX.sub(" ", word).split()) for word in synonym_set.words())
        words = list(dict.fromkeys(word.lower() for word in cleaned if word))
        if len(words) > 1:
            rules.append(", ".join(words))
    return rules


def synonym_filter(rules: list[str]) -> dict:
    """The `synonym_graph` filter for `rules` (lenient: a rule the analyzer rejects is skipped)."""
    return {"type": "synonym_graph", "synonyms": rules, "lenient": True}


def search_analysis(language_code: str, rules: list[str]) -> dict:
    """Index settings for the language's search analyzer with `rules` as synonyms."""
    chain = LANGUAGE_CHAINS.get(language_code, STANDARD_CHAIN)
    analyzer = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": [*chain["before"], SYNONYM_FILTER, *chain["after"]],
    }
    analysis: dict = {
        "filter": {**deepcopy(chain["filters"]), SYNONYM_FILTER: synonym_filter(rules)},
        "analyzer": {"default_search": analyzer},
    }
    if chain.get("char_filters"):
        analysis["char_filter"] = deepcopy(chain["char_filters"])
        analyzer["char_filter"] = list(chain["char_filters"])
    return {"settings": {"analysis": analysis}}


def _client_call(backend, method, index: str, body: dict | None = None):
    """Call an indices API the way the backend's client wants its arguments."""
    function = getattr(backend.es.indices, method)
    if body is None:
        return function(index=index)
    if backend.use_new_elasticsearch_api:  # elasticsearch-py 8/9
        return function(index=index, settings=body)
    return function(index=index, body=body)


def update_engine_synonyms(language_code: str) -> list[str]:
    """Put the language's current synonym sets into its live index(es); the names updated.

    Nothing happens without an engine or before its index exists (it will be created with
    the sets). The index is closed for the update and waited for until it answers again.
    """
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from cms.search_backends import public_backend_name

    name = public_backend_name(language_code)
    if name not in settings.WAGTAILSEARCH_BACKENDS:
        return []
    backend = get_search_backend(name)
    alias = backend.get_index_for_model(Page)
    if not alias.exists():
        return []
    indexes = [alias.name]
    if alias.is_alias():
        indexes = [index.name for index in alias.aliased_indices()]
    body = {"analysis": {"filter": {SYNONYM_FILTER: synonym_filter(synonym_rules(language_code))}}}
    for index in indexes:
        _client_call(backend, "close", index)
        try:
            _client_call(backend, "put_settings", index, body)
        finally:
            _client_call(backend, "open", index)
            backend.es.cluster.health(index=index, wait_for_status="yellow")
    logger.info("Synonyms of %s put into %s", language_code, ", ".join(indexes))
    return indexes


def update_engine_synonyms_quietly(language_code: str) -> None:
    """`update_engine_synonyms`, logging instead of raising when the engine fails.

    A set is saved all the same; query-time widening applies it meanwhile, and the next
    `update_index` creates the index with it.
    """
    try:
        update_engine_synonyms(language_code)
    except Exception:
        logger.exception("Could not put the synonyms of %s into the engine", language_code)
