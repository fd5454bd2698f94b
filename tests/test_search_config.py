"""SEARCH_URL selects the search backends; the Elasticsearch 8 configuration stays covered."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.search_backends import search_backends_from_url

LANGUAGES = ["de", "en", "ar", "fa", "uk"]


def test_no_url_means_the_database_backend():
    assert search_backends_from_url("", LANGUAGES) == {
        "default": {"BACKEND": "wagtail.search.backends.database"},
        "facets": {"BACKEND": "search.store", "AUTO_UPDATE": False},
    }


@pytest.mark.parametrize(
    ("url", "admin", "public", "http"),
    [
        (
            "elasticsearch://es:9200",
            "AdminElasticsearch8Backend",
            "LocaleElasticsearch8Backend",
            "http://es:9200",
        ),
        (
            "elasticsearch8s://es:9243",
            "AdminElasticsearch8Backend",
            "LocaleElasticsearch8Backend",
            "https://es:9243",
        ),
        (
            "elasticsearch9://es:9200",
            "AdminElasticsearch9Backend",
            "LocaleElasticsearch9Backend",
            "http://es:9200",
        ),
        (
            "opensearch://127.0.0.1:9200",
            "AdminOpenSearch2Backend",
            "LocaleOpenSearch2Backend",
            "http://127.0.0.1:9200",
        ),
        (
            "opensearch3://os:9200",
            "AdminOpenSearch3Backend",
            "LocaleOpenSearch3Backend",
            "http://os:9200",
        ),
    ],
)
def test_engine_urls_configure_admin_public_and_fallback_backends(url, admin, public, http):
    backends = search_backends_from_url(url, LANGUAGES, "teilhabe_")
    assert backends["default"]["BACKEND"] == f"search.engine.{admin}"
    assert backends["default"]["URLS"] == [http]
    assert backends["database"] == {"BACKEND": "wagtail.search.backends.database"}
    for code in LANGUAGES:
        config = backends[f"public_{code}"]
        assert config["BACKEND"] == f"search.engine.{public}"
        assert config["LANGUAGE"] == code
        assert config["INDEX_PREFIX"] == f"teilhabe_{code}_"


def test_each_language_backend_uses_its_own_analyzer():
    from search.engine import LocaleElasticsearch8Backend

    backends = search_backends_from_url("elasticsearch://es:9200", LANGUAGES, "teilhabe_")

    def default_analyzer(code: str) -> dict | None:
        params = {k: v for k, v in backends[f"public_{code}"].items() if k != "BACKEND"}
        analysis = LocaleElasticsearch8Backend(params).settings["settings"]["analysis"]
        return analysis["analyzer"].get("default")

    assert default_analyzer("de") == {"type": "german"}
    assert default_analyzer("ar") == {"type": "arabic"}
    assert default_analyzer("uk") is None  # no analyzer without a plugin: the standard one


def test_credentials_in_the_url_are_passed_on():
    config = search_backends_from_url("elasticsearchs://user:secret@es.example:9243", ["de"])
    assert config["default"]["URLS"] == ["https://user:secret@es.example:9243"]


def test_elasticsearch8_backends_accept_the_configuration():
    """Elasticsearch 8 cannot run here; building its backends checks our configuration."""
    from search.engine import AdminElasticsearch8Backend, LocaleElasticsearch8Backend

    backends = search_backends_from_url("elasticsearch://es.example:9200", ["de", "ar"])
    params = {k: v for k, v in backends["default"].items() if k != "BACKEND"}
    admin = AdminElasticsearch8Backend(params)
    assert admin.index_prefix == "teilhabe_all_"
    assert admin.hosts[0]["host"] == "es.example"
    public = LocaleElasticsearch8Backend(
        {k: v for k, v in backends["public_ar"].items() if k != "BACKEND"}
    )
    assert public.language_code == "ar"
    assert public.index_prefix == "teilhabe_ar_"
    assert public.settings["settings"]["analysis"]["analyzer"]["default"] == {"type": "arabic"}
    # modelsearch's own ngram analyzers are kept next to the language analyzer
    assert "edgengram_analyzer" in public.settings["settings"]["analysis"]["analyzer"]


@pytest.mark.parametrize("url", ["ftp://x:1", "elasticsearch://", "solr://x:8983"])
def test_unknown_or_incomplete_urls_are_refused(url):
    with pytest.raises(ImproperlyConfigured):
        search_backends_from_url(url, LANGUAGES)
