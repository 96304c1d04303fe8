"""Shared fixtures: a throw-away data directory, a real Whoosh index, and the real seed captures."""

import copy
import os
import tempfile
from pathlib import Path

# Before Django reads its settings: the suite never touches the developer's ./var.
os.environ["ARCHIVE_DATA_DIR"] = tempfile.mkdtemp(prefix="archive-tests-")
# DATABASE_URL chooses the database the suite runs on (pytest-django creates its test database beside the one
# named). Processes the tests start are given the test database (`child_database_url`), never that one.
DATABASE_URL = os.environ.pop("DATABASE_URL", "")
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
settings.CACHES["shared"]["LOCATION"] = str(_DATA_DIR / "cache")
# Engines the contract suite (tests/search/test_engine.py) also runs against: haystack's own Whoosh backend,
# through the engine Elasticsearch and Solr use; and, for `make test-engine SEARCH_URL=…`, that engine.
settings.HAYSTACK_CONNECTIONS["stock_whoosh"] = {
    "ENGINE": "haystack.backends.whoosh_backend.WhooshEngine",
    "PATH": str(_DATA_DIR / "stock-whoosh"),
}
if os.environ.get("ENGINE_UNDER_TEST"):
    from config.settings import haystack_connection  # noqa: E402

    settings.HAYSTACK_CONNECTIONS["external"] = haystack_connection(os.environ["ENGINE_UNDER_TEST"])
# Editors' accounts are made for the admin tests and logged in with force_login, so no test reads a password
# hash; Django's own advice for tests: the production hasher spends 0.3 s on each account.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Pages name static files as written: the production storage's hashed names need `collectstatic`, which the
# tests of serving (tests/test_serving.py) run themselves.
settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# The suite makes many API calls from one address: no API throttle, but where a test sets one (test_api_errors.py).
settings.API_THROTTLE_RATE = None

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed capture whose file name starts with ``prefix`` ("000" … "003")."""
    return next(SEEDS.glob(f"{prefix}_*"))


def child_database_url(data_dir: Path) -> str:
    """DATABASE_URL for a process a test starts, once the test has the test database (``transactional_db``).

    That is the test database itself, except on SQLite, whose test database lives in this process's memory:
    there the child gets a file in its data directory, and the test creates the tables.
    """
    from urllib.parse import quote, urlsplit

    from django.db import connection

    if connection.vendor == "sqlite":
        return f"sqlite:///{data_dir / 'archive.sqlite3'}"
    return urlsplit(DATABASE_URL)._replace(path="/" + quote(connection.settings_dict["NAME"])).geturl()


def _import_seeds() -> dict:
    """The four seed captures imported through the real import path; {prefix: outcome}."""
    from archive.services import document_import

    outcomes = {}
    for prefix in ("000", "001", "002", "003"):
        path = seed_path(prefix)
        outcomes[prefix] = document_import(raw=path.read_bytes(), file_name=path.name)
    return outcomes


@pytest.fixture
def search_index(transactional_db):
    """An empty Whoosh index on disk; the tests' transactions commit, so updates really run."""
    from haystack import connections

    backend = connections["default"].get_backend()
    backend.clear()
    yield backend
    backend.clear()


class SeedImport:
    """The four seed captures as the real import path stores and indexes them: imported once a session, then
    copied back in, their rows and index files, which costs a tenth of importing them again."""

    COPY_PREFIX = "seed_copy_"  # tables beside the archive's: a flush (which names only Django's tables) keeps them

    def __init__(self, index_copy: Path):
        self.index_copy = index_copy
        self.outcomes: dict | None = None
        self.tables: list[tuple[str, str]] = []  # (table, its copy)

    def load(self) -> dict:
        """Fill the empty database and index with the seeds, committed; return copies of the import's outcomes."""
        if self.outcomes is None:
            outcomes = _import_seeds()
            self._copy_out()
            self.outcomes = outcomes
        else:
            self._copy_in()
        return copy.deepcopy(self.outcomes)

    def _copy_out(self) -> None:
        import shutil

        from django.apps import apps
        from django.db import connection

        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for model in apps.get_app_config("archive").get_models(include_auto_created=True):
                table = model._meta.db_table
                copied = self.COPY_PREFIX + table
                cursor.execute(f"DROP TABLE IF EXISTS {quote(copied)}")
                cursor.execute(f"CREATE TABLE {quote(copied)} AS SELECT * FROM {quote(table)}")
                self.tables.append((table, copied))
        shutil.copytree(settings.WHOOSH_PATH, self.index_copy, ignore=shutil.ignore_patterns("*LOCK*"))

    def _copy_in(self) -> None:
        import shutil

        from django.apps import apps
        from django.core.management.color import no_style
        from django.db import connection, transaction
        from haystack import connections

        quote = connection.ops.quote_name
        # In the database, value for value; one transaction, as the foreign keys are checked at its commit.
        # The primary keys come with the rows: PostgreSQL's sequences are moved past them (as loaddata does),
        # or the test's next insert would take a key the copies hold.
        models = apps.get_app_config("archive").get_models(include_auto_created=True)
        with transaction.atomic(), connection.cursor() as cursor:
            for table, copied in self.tables:
                cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {quote(copied)}")
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        backend = connections["default"].get_backend()
        backend.clear()  # no searcher is left open on the files replaced
        shutil.rmtree(settings.WHOOSH_PATH)
        shutil.copytree(self.index_copy, settings.WHOOSH_PATH)
        backend.setup()  # reopens the indexes and forgets what it read of the old ones


_SEEDS = SeedImport(_DATA_DIR / "seed-index")


@pytest.fixture
def fresh_seeded(search_index):
    """The four seed captures, for a test that writes: its own archive, whose changes commit and reach the index.

    Returns {prefix: outcome}, as the real import path returned them for these rows.
    """
    from django.core.cache import cache

    cache.clear()  # the rows are the same as in earlier tests: answers cached for them do not apply
    return _SEEDS.load()


class SharedArchive:
    """The four seeds imported once, committed, and indexed, for the tests that only read them.

    Each reading test runs in a transaction that is rolled back (``db``), so the rows survive it; the
    index is not rolled back, so a reading test may not write it (``seeded`` fails the test that did).
    The archive is built again whenever it is found changed: a test that commits (``transactional_db``
    flushes every table afterwards) or writes the index, in whatever order the tests run. Any other
    test that uses the database gets it empty, as it would without this archive.
    """

    def __init__(self):
        self.blocker = None  # pytest-django's, once a test has asked for the archive
        self.outcomes: dict | None = None  # None while the database and index hold something else
        self.state: tuple = ()

    def current_state(self) -> tuple:
        """What the archive's rows and index files are now; any commit or index write changes it."""
        from archive.models import Document, Section, SourceFile

        rows = (
            tuple(Document.objects.order_by("pk").values_list("pk", "updated_at", "status", "version_of", "draft_of")),
            Section.objects.count(),
            SourceFile.objects.count(),
        )
        return rows, self.index_state()

    @staticmethod
    def index_state() -> tuple:
        root = Path(settings.WHOOSH_PATH)
        files = (path for path in root.rglob("*") if path.is_file() and "LOCK" not in path.name)
        return tuple(sorted((str(path.relative_to(root)), path.stat().st_size, path.stat().st_mtime_ns) for path in files))

    def ensure(self) -> None:
        """Build the archive unless the database and index still hold exactly what the last build left."""
        from django.db import connection

        with self.blocker.unblock():
            if self.outcomes is not None and self.current_state() == self.state:
                return
            if connection.in_atomic_block:
                pytest.fail("the shared seed archive must be built before the test's transaction begins: "
                            "use the `seeded` fixture without a django_db marker")
            self._empty()
            self.outcomes = _SEEDS.load()  # autocommit: every write commits, and the index is written
            self.state = self.current_state()

    def release(self) -> None:
        """Empty the database and index, if the archive is in them, before a test that expects them empty."""
        if self.outcomes is not None:
            with self.blocker.unblock():
                self._empty()

    def _empty(self) -> None:
        from django.core.management import call_command
        from haystack import connections

        self.outcomes = None
        call_command("flush", interactive=False, verbosity=0)  # what transactional_db does after each test
        connections["default"].get_backend().clear()


_SHARED = SharedArchive()


def _uses_database(item: pytest.Item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    uses = {"_django_db_helper", "django_db_blocker", "live_server"}  # live_server asks for transactional_db at setup
    return item.get_closest_marker("django_db") is not None or bool(uses & names)


def pytest_report_header(config):
    """Which database the suite runs on, in the log of each run (CI runs it on two)."""
    from django.db import connection

    return f"database: {connection.vendor}"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before any fixture: a django_db marker opens the test's transaction before conftest fixtures run.
    if "seeded" not in getattr(item, "fixturenames", ()) and _uses_database(item):
        _SHARED.release()


@pytest.fixture(autouse=True)
def _shared_archive(request):
    """Before the test's transaction begins (autouse fixtures come first): the shared archive, intact."""
    if "seeded" in request.fixturenames:
        request.getfixturevalue("django_db_setup")
        _SHARED.blocker = request.getfixturevalue("django_db_blocker")
        _SHARED.ensure()


@pytest.fixture
def seeded(_shared_archive, db):
    """The four seed captures, imported once and shared by the tests that only read; returns {prefix: outcome}.

    The outcomes are copies, so a test may change them (and the rows, which its transaction rolls back); a
    test that writes to the index must use ``fresh_seeded``.
    """
    from django.core.cache import cache
    from django.db import connection

    if not connection.in_atomic_block:  # a transactional test: it commits, and flushes every table afterwards
        pytest.fail("a test that commits would change and then flush the shared seed archive: use `fresh_seeded`")
    cache.clear()  # answers cached for these same documents by an earlier test
    yield copy.deepcopy(_SHARED.outcomes)
    if _SHARED.index_state() != _SHARED.state[1]:
        _SHARED.outcomes = None
        pytest.fail("this test wrote to the shared seed archive's index: use `fresh_seeded`")


CHINESE_REPORT = SHARED / "corpus" / "policy" / "cn-cpc-2022-20th-congress-report-zh.jsonl"
JAPANESE_STATEMENT = Path(__file__).resolve().parent / "fixtures" / "cjk" / "ja-asean-cooperation.txt"


@pytest.fixture
def cjk_archive(search_index):
    """The CPC's 20th Congress report (Chinese, real) and a short Japanese statement written for the tests,
    imported through the real import path and indexed: {"report": Document, "japanese": Document}."""
    from archive.services import document_import

    return {
        name: document_import(raw=path.read_bytes(), file_name=path.name).document
        for name, path in (("report", CHINESE_REPORT), ("japanese", JAPANESE_STATEMENT))
    }
