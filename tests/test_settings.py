"""Settings come from the environment: the engine and the database, the secret key, https, logging."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings import haystack_connection

ROOT = Path(__file__).resolve().parents[1]


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


@pytest.mark.parametrize("url, client", [("elasticsearch7://h:9200/i", "elasticsearch"), ("solr://h:8983/solr/c", "pysolr")])
def test_engine_modules_import(url, client):
    """The engine named is haystack's backend: it imports where its client is installed (requirements-engines.txt,
    `make test-engine`), and elsewhere stops with haystack's message asking for that client."""
    from django.utils.module_loading import import_string
    from haystack.exceptions import MissingDependency

    engine = haystack_connection(url)["ENGINE"]
    if importlib.util.find_spec(client) is not None:
        import_string(engine)
    else:
        with pytest.raises(MissingDependency, match=client):
            import_string(engine)


def _settings_process(env: dict, code: str) -> subprocess.CompletedProcess:
    """Python with the archive's settings read from ``env`` alone (and a data directory of its own), running
    ``code``: nothing the test run set (DJANGO_ALLOW_ASYNC_UNSAFE for the browser tests, say) leaks in."""
    base = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**base, **env}, capture_output=True, text=True)


def test_without_a_secret_key_one_is_made_once_for_the_data_directory_readable_by_its_owner_only(tmp_path):
    show = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
    env = {"ARCHIVE_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings"}
    first, second = (_settings_process(env, show).stdout.strip() for _ in range(2))
    assert len(first) >= 50 and first == second
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert first not in (ROOT / "config" / "settings.py").read_text()
    assert _settings_process({**env, "SECRET_KEY": "x" * 60}, show).stdout.strip() == "x" * 60


def test_served_over_https_the_deployment_check_reports_nothing(tmp_path):
    env = {"ARCHIVE_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "false",
           "ALLOWED_HOSTS": "archive.example.org"}
    check = "import sys; from django.core.management import execute_from_command_line as run; " \
            "run(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    served = _settings_process({**env, "SERVED_OVER_HTTPS": "true"}, check)
    assert served.returncode == 0 and "no issues" in served.stdout, served.stderr
    plain = _settings_process(env, check)
    assert plain.returncode != 0 and "security.W004" in plain.stderr  # without it, HSTS and the rest are off


def test_a_server_error_is_logged_with_its_traceback_on_stderr(tmp_path):
    code = (
        "import django; django.setup()\n"
        "from unittest import mock\n"
        "from django.test import Client\n"
        "with mock.patch('archive.views.archive_totals', side_effect=RuntimeError('the disk is on fire')):\n"
        "    print(Client(raise_request_exception=False).get('/').status_code)\n"
    )
    done = _settings_process({"ARCHIVE_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings"}, code)
    assert done.stdout.strip() == "500"
    assert "Internal Server Error: /" in done.stderr and "Traceback" in done.stderr and "the disk is on fire" in done.stderr


def test_passwords_are_checked_by_djangos_validators():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["1", "password123", "12345678901"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("a long enough passphrase 7")


def test_the_example_environment_lists_every_variable_the_archive_reads():
    import re

    read = set()
    for source in ("config/settings.py", "config/gunicorn.py"):
        read |= set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"|environ\.get\("([A-Z_]+)"\)', (ROOT / source).read_text()))
    names = {name for pair in read for name in pair if name}
    listed = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert names and names <= listed, names - listed


def test_a_server_error_is_mailed_to_the_admins_the_environment_names(tmp_path, client, settings, monkeypatch, mailoutbox):
    show = "import django; django.setup(); from django.conf import settings; print(settings.ADMINS)"
    env = {"ARCHIVE_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings",
           "ADMINS": "Ana Lima <ana@example.org>, ops@example.org"}
    assert _settings_process(env, show).stdout.strip() == "[('Ana Lima', 'ana@example.org'), ('', 'ops@example.org')]"

    settings.ADMINS = [("Ana Lima", "ana@example.org")]
    monkeypatch.setattr("archive.views.archive_totals", lambda: 1 / 0)
    client.raise_request_exception = False
    assert client.get("/").status_code == 500
    assert mailoutbox[0].to == ["ana@example.org"] and "ZeroDivisionError" in mailoutbox[0].body
