"""Scaling up is configuration: the engine and the database follow environment variables."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings import haystack_connection


def test_embedded_default_is_whoosh_on_disk():
    connection = haystack_connection("")
    assert connection["ENGINE"].endswith("ArchiveWhooshEngine")
    assert connection["PATH"]


def test_elasticsearch_url_selects_haystacks_backend():
    connection = haystack_connection("elasticsearch7://search.internal:9200/policy")
    assert connection == {
        "ENGINE": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
        "URL": "http://search.internal:9200/",
        "INDEX_NAME": "policy",
    }


def test_solr_url_selects_haystacks_backend():
    connection = haystack_connection("solr://solr.internal:8983/solr/policy")
    assert connection["ENGINE"] == "haystack.backends.solr_backend.SolrEngine"
    assert connection["URL"] == "http://solr.internal:8983/solr/policy"


def test_unknown_engine_is_refused_with_a_message():
    with pytest.raises(ImproperlyConfigured, match="not supported"):
        haystack_connection("lucene://x")


def test_engine_modules_import():
    from django.utils.module_loading import import_string

    import_string(haystack_connection("elasticsearch7://h:9200/i")["ENGINE"])
    import_string(haystack_connection("solr://h:8983/solr/c")["ENGINE"])
