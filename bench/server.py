"""The archive's own server for the benchmarks: started on a free port, timed over HTTP, stopped.

Kept apart because both sides of a benchmark need it: the driver starts and stops the server (and takes its
peak RSS), the measuring side times its GETs with the same ``http_get``. ``bench.scale`` and
``bench.hostile`` time one request at a time on runserver; ``bench.loadtest`` loads gunicorn as `make run`
starts it.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import REPO_ROOT


def http_get(port: int, path: str) -> tuple[float, int, bytes]:
    """GET a path from the local server on a fresh connection; return (milliseconds, status, body)."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return (time.perf_counter() - start) * 1000, response.status, body


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env: dict, log: Path) -> tuple[subprocess.Popen, int]:
    """Start ``manage.py runserver`` (one process, one request at a time) and wait until ``/`` answers."""
    port = free_port()
    command = [sys.executable, "manage.py", "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"]
    return _serving(command, env, log, port), port


def start_gunicorn(env: dict, log: Path) -> tuple[subprocess.Popen, int]:
    """Start the server `make run` starts (gunicorn with config/gunicorn.py) and wait until ``/`` answers."""
    port = free_port()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    command = [gunicorn, "--config", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}", "config.wsgi"]
    return _serving(command, env, log, port), port


def _serving(command: list[str], env: dict, log: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen(command, env=env, cwd=REPO_ROOT, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if http_get(port, "/")[1] == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError(f"the server did not start; see {log}")


def stop_server(server: subprocess.Popen) -> float:
    """Stop the server; return its peak RSS in MB."""
    server.terminate()
    _, status, usage = os.wait4(server.pid, 0)
    server.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024
