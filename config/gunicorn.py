"""gunicorn's settings for `make run`: sized from the machine, each one overridable from the environment.

Sync workers, one request each at a time: the archive's requests are short and CPU-bound (search, rendering),
so more workers than cores keeps the cores busy while one worker waits on the database or the disk. The
index and the application are opened in each worker after the fork (no preloading), so no worker shares
another's open Whoosh files.
"""

import multiprocessing
import os

bind = os.environ.get("HOST") or "127.0.0.1:8000"
workers = int(os.environ.get("WEB_WORKERS") or 2 * multiprocessing.cpu_count() + 1)
# An editor's upload of many files is imported within its request: give it minutes, not gunicorn's 30 s.
timeout = int(os.environ.get("WEB_TIMEOUT") or 300)
graceful_timeout = 30
# A worker is replaced after this many requests (spread out, so they do not all restart at once).
max_requests = int(os.environ.get("WEB_MAX_REQUESTS") or 5000)
max_requests_jitter = max_requests // 10
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# One line per request on stdout, with its time in milliseconds; errors and tracebacks on stderr.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'


def post_worker_init(worker):
    """Import the views, and the search and parsing code behind them, as the worker starts: otherwise its first
    request pays for the imports (most of a second)."""
    from django.urls import get_resolver

    get_resolver().url_patterns
