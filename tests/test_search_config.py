"""SEARCH_URL selects the search backend; the Elasticsearch 8 configuration stays covered."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from search.config import search_backends_from_url


def test_no_url_means_the_database_backend():
    assert search_backends_from_url("") == {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }


@pytest.mark.parametrize(
    ("url", "backend", "http"),
    [
        ("elasticsearch://es:9200", "wagtail.search.backends.elasticsearch8", "http://es:9200"),
        ("elasticsearch8s://es:9243", "wagtail.search.backends.elasticsearch8", "https://es:9243"),
        ("elasticsearch9://es:9200", "wagtail.search.backends.elasticsearch9", "http://es:9200"),
        (
            "opensearch://127.0.0.1:9200",
            "wagtail.search.backends.opensearch2",
            "http://127.0.0.1:9200",
        ),
        ("opensearch3://os:9200", "wagtail.search.backends.opensearch3", "http://os:9200"),
    ],
)
def test_engine_urls_map_to_modelsearch_backends(url, backend, http):
    config = search_backends_from_url(url)["default"]
    assert config["BACKEND"] == backend
    assert config["URLS"] == [http]
    assert config["INDEX_PREFIX"] == "teilhabe_"


def test_credentials_in_the_url_are_passed_on():
    config = search_backends_from_url("elasticsearchs://user:secret@es.example:9243")["default"]
    assert config["URLS"] == ["https://user:secret@es.example:9243"]


def test_elasticsearch8_backend_accepts_the_configuration():
    from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

    params = search_backends_from_url("elasticsearch://es.example:9200")["default"]
    backend = Elasticsearch8SearchBackend({k: v for k, v in params.items() if k != "BACKEND"})
    # Building the backend makes no connection; it must accept our keys and keep them.
    assert backend.index_prefix == "teilhabe_"
    assert backend.timeout == 5
    assert backend.hosts[0]["host"] == "es.example"
    assert backend.hosts[0]["port"] == 9200


@pytest.mark.parametrize("url", ["ftp://x:1", "elasticsearch://", "solr://x:8983"])
def test_unknown_or_incomplete_urls_are_refused(url):
    with pytest.raises(ImproperlyConfigured):
        search_backends_from_url(url)
