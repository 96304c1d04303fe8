"""Shared fixtures: a throw-away data directory, a real Whoosh index, and the real seed captures."""

import os
import tempfile
from pathlib import Path

# Before Django reads its settings: the suite never touches the developer's ./var.
os.environ["ARCHIVE_DATA_DIR"] = tempfile.mkdtemp(prefix="archive-tests-")
os.environ.pop("DATABASE_URL", None)
os.environ.pop("SEARCH_URL", None)
os.environ.pop("WHOOSH_PATH", None)

import pytest  # noqa: E402
from django.conf import settings  # noqa: E402

# pytest-django reads the settings before any conftest runs, so the variables above only reach
# subprocesses; point this process's data directory and index there too, before anything opens them.
_DATA_DIR = Path(os.environ["ARCHIVE_DATA_DIR"])
settings.ARCHIVE_DATA_DIR = _DATA_DIR
settings.WHOOSH_PATH = _DATA_DIR / "whoosh"
settings.HAYSTACK_CONNECTIONS["default"]["PATH"] = str(settings.WHOOSH_PATH)
# Engines the contract suite (tests/search/test_engine.py) also runs against: haystack's own Whoosh backend,
# through the engine Elasticsearch and Solr use; and, for `make test-engine SEARCH_URL=…`, that engine.
settings.HAYSTACK_CONNECTIONS["stock_whoosh"] = {
    "ENGINE": "haystack.backends.whoosh_backend.WhooshEngine",
    "PATH": str(_DATA_DIR / "stock-whoosh"),
}
if os.environ.get("ENGINE_UNDER_TEST"):
    from config.settings import haystack_connection  # noqa: E402

    settings.HAYSTACK_CONNECTIONS["external"] = haystack_connection(os.environ["ENGINE_UNDER_TEST"])

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed capture whose file name starts with ``prefix`` ("000" … "003")."""
    return next(SEEDS.glob(f"{prefix}_*"))


@pytest.fixture
def search_index(transactional_db):
    """An empty Whoosh index on disk; the tests' transactions commit, so updates really run."""
    from haystack import connections

    backend = connections["default"].get_backend()
    backend.clear()
    yield backend
    backend.clear()


@pytest.fixture
def seeded(search_index):
    """The four seed captures imported through the real import path; returns {prefix: outcome}."""
    from archive.services import document_import

    outcomes = {}
    for prefix in ("000", "001", "002", "003"):
        path = seed_path(prefix)
        outcomes[prefix] = document_import(raw=path.read_bytes(), file_name=path.name)
    return outcomes
