"""A throw-away archive of the real policy documents in ../shared (the seeds and corpus/policy), for the
benchmarks that serve one over HTTP (`make bench-hostile`, `make loadtest`): made in its own data directory
through the archive's own commands, and read back by a child process in the archive's own settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.corpus import REPO_ROOT, SHARED

POLICY_SOURCES = (SHARED / "seeds", SHARED / "corpus" / "policy")


def archive_env(data: Path) -> dict:
    """The environment of an embedded archive (SQLite and Whoosh) in ``data``, DEBUG off."""
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data), "DEBUG": "false",
           "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(REPO_ROOT)}
    for name in ("WHOOSH_PATH", "DATABASE_URL", "SEARCH_URL", "SERVED_OVER_HTTPS"):
        env.pop(name, None)
    return env


def manage(env: dict, *args: str, check: bool = True) -> str:
    """Run ``manage.py ARGS``; its output (raises with the output's end when it fails and ``check``)."""
    done = subprocess.run([sys.executable, "manage.py", *args], env=env, cwd=REPO_ROOT, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return done.stdout


def build(env: dict, *more: Path) -> None:
    """Migrate and collect the static files (pages name them by their hashed names), then import the policy
    documents and ``more`` files. Some corpus files are refused on purpose (broken, empty): the import goes on
    without them."""
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    sources = [str(path) for path in POLICY_SOURCES if path.exists()]
    manage(env, "import_documents", *sources, *map(str, more), check=False)


def read(env: dict, expression: str):
    """The JSON value of a Python ``expression`` over ``Document`` (archive.models), in the archive's settings."""
    script = (
        "import django, json; django.setup()\n"
        "from archive.models import Document\n"
        f"print(json.dumps({expression}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])
