"""The archive as `make run` serves it: gunicorn with config/gunicorn.py, static files by whitenoise after
collectstatic, and, with SERVED_OVER_HTTPS, behind a TLS proxy: a real server in its own data directory,
spoken to over HTTP as a browser behind the proxy would."""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOST = "archive.example.org"
PASSWORD = "a long enough passphrase 7"


def _manage(env: dict, *args: str) -> str:
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """A client behind the TLS proxy: every request says it came over https to the public host; cookies kept."""

    def __init__(self, port: int, address: str = "192.0.2.10"):
        self.port, self.cookies, self.address = port, {}, address
        self.sent = 0

    def request(self, method: str, path: str, form: dict | None = None, *, https: bool = True):
        # What the proxy passes on: whatever X-Forwarded-For the client sent (here a new made-up address each
        # time), with the client's real address appended.
        self.sent += 1
        headers = {"Host": HOST, "X-Forwarded-For": f"198.51.100.{self.sent % 250}, {self.address}"}
        if https:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "Origin": f"https://{HOST}",
                        "Referer": f"https://{HOST}/admin/login/"}
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        connection.close()
        return response, text

    def log_in(self, username: str, password: str):
        _, page = self.request("GET", "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request("POST", "/admin/login/", {"csrfmiddlewaretoken": token, "username": username,
                                                      "password": password, "next": "/admin/"})


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn on a free port, DEBUG off, served over https through a proxy; yields (port, env, log path)."""
    data = tmp_path_factory.mktemp("served")
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data), "DEBUG": "false", "SERVED_OVER_HTTPS": "true",
           "ALLOWED_HOSTS": HOST, "WEB_WORKERS": "2", "DJANGO_SUPERUSER_PASSWORD": PASSWORD}
    for name in ("DATABASE_URL", "SEARCH_URL", "WHOOSH_PATH", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    _manage(env, "migrate", "--noinput", "--verbosity", "0")
    _manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    _manage(env, "createsuperuser", "--noinput", "--username", "editor", "--email", "editor@example.org")
    port = _free_port()
    log = data / "server.log"
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "--config", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}",
         "config.wsgi"], cwd=ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            Browser(port).request("GET", "/search/help/")
            break
        except OSError:
            assert time.monotonic() < deadline and process.poll() is None, log.read_text()[-2000:]
            time.sleep(0.2)
    yield port, env, log
    process.terminate()
    process.wait(timeout=30)


def test_pages_and_static_files_are_served_with_long_lived_hashed_names(server):
    port, _, log = server
    response, page = Browser(port).request("GET", "/")
    assert response.status == 200 and response.getheader("Server", "").startswith("gunicorn")
    stylesheet = re.search(r'href="(/static/archive/archive\.[0-9a-f]{12}\.css)"', page).group(1)
    response, css = Browser(port).request("GET", stylesheet)
    assert response.status == 200 and "body" in css
    assert "immutable" in response.getheader("Cache-Control") and "max-age=315360000" in response.getheader("Cache-Control")
    response, _ = Browser(port).request("GET", "/static/admin/css/base.css")
    assert response.status == 200
    # One line per request, with its time.
    time.sleep(0.2)
    assert re.search(r'"GET / HTTP/1\.1" 200 \d+ \d+ms', log.read_text())


def test_behind_the_tls_proxy_http_is_redirected_and_an_editor_logs_in(server):
    port, _, _ = server
    response, _ = Browser(port).request("GET", "/admin/login/", https=False)
    assert response.status == 301 and response.getheader("Location") == f"https://{HOST}/admin/login/"
    browser = Browser(port)
    response, _ = browser.log_in("editor", PASSWORD)
    assert response.status == 302 and response.getheader("Location") == "/admin/"
    response, page = browser.request("GET", "/admin/")
    assert response.status == 200 and "Log out" in page
    assert "max-age=31536000" in response.getheader("Strict-Transport-Security")


def test_ten_wrong_passwords_lock_the_address_out_until_an_operator_lifts_it(server):
    port, env, _ = server
    attacker = Browser(port, address="203.0.113.7")
    for _ in range(9):
        response, page = attacker.log_in("editor", "wrong password")
        assert response.status == 200 and "Please enter the correct username and password" in page
    response, page = attacker.log_in("editor", "wrong password")
    assert response.status == 429 and "Login locked for a while" in page and "30 minutes" in page
    response, page = attacker.log_in("editor", PASSWORD)  # the right password does not get through a lock
    assert response.status == 429 and "axes_reset_ip" in page
    # Locked by its real address, whatever X-Forwarded-For it makes up; an editor elsewhere still logs in.
    assert Browser(port, address="203.0.113.99").log_in("editor", PASSWORD)[0].status == 302
    _manage(env, "axes_reset_ip", "203.0.113.7")
    response, _ = attacker.log_in("editor", PASSWORD)
    assert response.status == 302
