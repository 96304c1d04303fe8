"""Project settings. Every knob is read from the environment (see .env.example) with a safe default
for the embedded setup: SQLite and a Whoosh index under ARCHIVE_DATA_DIR."""

from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str, stored_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

# Everything the archive writes lives here: the SQLite database, the Whoosh index, collected static files,
# and the secret key made on first start.
ARCHIVE_DATA_DIR = Path(env_str("ARCHIVE_DATA_DIR", str(BASE_DIR / "var"))).resolve()
ARCHIVE_DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "") or stored_secret_key(ARCHIVE_DATA_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # sitemap.xml (archive/sitemaps.py)
    "axes",  # admin login throttling
    # archive first: its rebuild_index command replaces haystack's.
    "archive",
    "haystack",
    "rest_framework",  # the JSON API (archive/api.py)
    "drf_spectacular",  # its OpenAPI 3 schema, /api/schema/
    "drf_spectacular_sidecar",  # Swagger UI's files for /api/, served from here: no CDN, within the CSP
    "simple_history",  # every change to a document and its sections, with previous values (archive/admin/history.py)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files from the app itself, compressed, with hashed names cached for a year: no other server needed.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "archive.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # after auth: history records name the editor
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it answers a locked-out login
]

# A history record's reason names the file an import read, which may be longer than 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

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
STATIC_ROOT = ARCHIVE_DATA_DIR / "static"  # filled by `manage.py collectstatic` (make run does it)
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

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

# Served over https, behind a proxy that ends TLS and says so in X-Forwarded-Proto: one variable turns on
# everything `manage.py check --deploy` asks for. Each part can still be set on its own.
SERVED_OVER_HTTPS = env_bool("SERVED_OVER_HTTPS", False)
if SERVED_OVER_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Origins a form may be posted from when the proxy does not pass the public host name on, e.g.
# https://archive.example.org (Django compares Origin with the request's own host otherwise).
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): LOGIN_FAILURE_LIMIT wrong passwords from one address lock that address out
# of the admin login for LOGIN_LOCKOUT_MINUTES; `manage.py axes_reset_ip ADDRESS` (or `axes_reset`) lifts it.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "archive/locked_out.html"
# Behind TRUSTED_PROXY_COUNT proxies (1 when SERVED_OVER_HTTPS) every request comes from a proxy's address: the
# client's is the one the first proxy appended to X-Forwarded-For, counted from the right, where a client cannot
# write (what it sends itself stands further left). Without a proxy, the connection's own address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if SERVED_OVER_HTTPS else 0)
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR"]
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1  # entries the proxies after the first appended
    IPWARE_STRICT = False  # a client's own entries lengthen the chain; its right end is still the proxies'
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Caches: answers a process may keep for itself (formatted citations) in its memory; the API's request counts in
# files under ARCHIVE_DATA_DIR, which every gunicorn worker on the machine shares, so a client's rate is the
# archive's, not each worker's.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(ARCHIVE_DATA_DIR / "cache")},
}

# The JSON API (archive/api.py): anonymous, read-only, JSON only, errors as {"error": ...}. Each client address
# may make API_THROTTLE_RATE requests ("120/minute"; also /second, /hour, /day; empty for no limit), counted
# in the shared cache; beyond it, 429 with Retry-After. The address is read as for login throttling.
API_THROTTLE_RATE = env_str("API_THROTTLE_RATE", "120/minute") or None
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["archive.throttling.ClientThrottle"],
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "EXCEPTION_HANDLER": "archive.api.json_errors",
    "URL_FORMAT_OVERRIDE": None,  # ?format= is not a parameter of the API
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Policy Archive API",
    "DESCRIPTION": "Read-only JSON API of the archive's published documents (README.md, \"JSON API\").",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Errors reach whoever runs the archive: ADMINS="Ana <ana@example.org>, ops@example.org" mails each 500 with
# its traceback (through EMAIL_HOST); without it, the traceback goes to stderr, as every error does.
ADMINS = [(name, address) for name, address in getaddresses(env_list("ADMINS", [])) if address]
SERVER_EMAIL = DEFAULT_FROM_EMAIL = env_str("SERVER_EMAIL", "policy-archive@localhost")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

# Errors with their tracebacks on stderr (and mailed to ADMINS); the server writes one line per request with
# its time (config/gunicorn.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "loggers": {
        "django": {"handlers": ["stderr", "mail_admins"], "level": env_str("DJANGO_LOG_LEVEL", "ERROR")},
        "archive": {"handlers": ["stderr"], "level": env_str("LOG_LEVEL", "INFO")},
        "axes": {"handlers": ["stderr"], "level": "WARNING"},
    },
}
