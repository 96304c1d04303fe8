"""Project settings. Every knob is read from the environment (see .env.example) with a safe default
for the embedded setup: SQLite and a Whoosh index under ARCHIVE_DATA_DIR."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A fixed key is only acceptable for the embedded, local-only default; production must set one.
        SECRET_KEY = "insecure-local-only-key-set-SECRET_KEY-in-production"
    else:
        SECRET_KEY = "insecure-debug-key"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

# Everything the archive writes lives here: the SQLite database, the Whoosh index, stored files.
ARCHIVE_DATA_DIR = Path(env_str("ARCHIVE_DATA_DIR", str(BASE_DIR / "var"))).resolve()
ARCHIVE_DATA_DIR.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # archive first: its rebuild_index command replaces haystack's.
    "archive",
    "haystack",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "archive.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{ARCHIVE_DATA_DIR / 'archive.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Editors saving while an import runs should wait for the lock, not fail at once; IMMEDIATE takes the
    # write lock when a transaction starts, so two admin saves queue instead of one failing mid-way.
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")

# Search: Whoosh on disk by default; SEARCH_URL switches to a distributed engine with no code change,
# e.g. elasticsearch7://localhost:9200/policy-archive or solr://localhost:8983/solr/policy-archive.
SEARCH_URL = env_str("SEARCH_URL", "")
WHOOSH_PATH = Path(env_str("WHOOSH_PATH", str(ARCHIVE_DATA_DIR / "whoosh"))).resolve()


def haystack_connection(url: str) -> dict:
    """haystack's connection settings for a SEARCH_URL ("" for Whoosh on disk)."""
    if not url:
        return {"ENGINE": "archive.search.whoosh.backend.ArchiveWhooshEngine", "PATH": str(WHOOSH_PATH)}
    scheme, _, rest = url.partition("://")
    if scheme.startswith("elasticsearch"):
        base, _, index_name = rest.rpartition("/")
        return {
            "ENGINE": f"haystack.backends.{scheme}_backend.{scheme.capitalize()}SearchEngine",
            "URL": f"http://{base}/",
            "INDEX_NAME": index_name or "policy-archive",
        }
    if scheme == "solr":
        return {"ENGINE": "haystack.backends.solr_backend.SolrEngine", "URL": f"http://{rest}"}
    raise ImproperlyConfigured(f"SEARCH_URL scheme {scheme!r} is not supported (elasticsearch7, solr)")


HAYSTACK_CONNECTIONS = {"default": haystack_connection(SEARCH_URL)}
# What the search features call (archive/search/engine.py): the archive's Whoosh engine, or any haystack backend.
SEARCH_ENGINE = (
    "archive.search.haystack_engine.HaystackEngine" if SEARCH_URL else "archive.search.whoosh.engine.WhooshEngine"
)
SEARCH_CONNECTION = "default"  # the haystack connection it runs on
# The services schedule index updates themselves, after commit (archive/search/sync/writes.py): no signals.
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
# Every query names its models itself; haystack's automatic narrowing would run an extra query.
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 10

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = ARCHIVE_DATA_DIR / "static"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Largest file an editor may upload or import (bytes); larger files are refused with a clear message.
ARCHIVE_MAX_FILE_BYTES = int(env_str("ARCHIVE_MAX_FILE_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_MAX_FILE_BYTES + 1024 * 1024
# Files an editor may upload at once in admin (Django's default of 100 answered a bare 400 beyond it).
DATA_UPLOAD_MAX_NUMBER_FILES = int(env_str("ARCHIVE_MAX_UPLOAD_FILES", "1000"))

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "archive": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    },
}
