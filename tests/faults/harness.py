"""Machinery for the fault tests: a private PostgreSQL server that can be restarted, the site
served by gunicorn with production settings, and an SMTP server that can be stopped."""

import asyncio
import http.cookiejar
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, timeout, message, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s: {message}")


# PostgreSQL -------------------------------------------------------------------


class PrivatePostgres:
    """A PostgreSQL server of our own, run as the postgres user, trust auth on 127.0.0.1."""

    def __init__(self, bindir):
        self.bindir = Path(bindir)
        self.datadir = Path(tempfile.mkdtemp(prefix="faults-pg-"))
        self.port = free_port()
        shutil.chown(self.datadir, "postgres", "postgres")

    def _as_postgres(self, *args, check=True):
        return subprocess.run(
            ["runuser", "-u", "postgres", "--", *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=120,
        )

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def init(self):
        self._as_postgres(
            str(self.bindir / "initdb"), "-D", str(self.datadir / "data"),
            "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8",
        )
        self.start()

    def _pg_ctl(self, action, *extra, check=True):
        options = f"-p {self.port} -k {self.datadir} -c listen_addresses=127.0.0.1"
        return self._as_postgres(
            str(self.bindir / "pg_ctl"), "-D", str(self.datadir / "data"), "-w", "-t", "60",
            "-l", str(self.datadir / "server.log"), "-o", options, *extra, action,
            check=check,
        )

    def start(self):
        self._pg_ctl("start")

    def stop(self, check=True):
        # Fast shutdown: open connections are cut, as in a real restart or failover.
        return self._pg_ctl("stop", "-m", "fast", check=check)

    def is_running(self):
        return self._pg_ctl("status", check=False).returncode == 0

    def createdb(self, name):
        self._as_postgres(
            str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), name
        )

    def psql(self, database, sql):
        result = self._as_postgres(
            str(self.bindir / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-d",
            database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql,
        )
        return [line for line in result.stdout.splitlines() if line]

    def destroy(self):
        if self.is_running():
            self.stop(check=False)
        shutil.rmtree(self.datadir, ignore_errors=True)


def production_env(database_url, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "HTTPS": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": "http://127.0.0.1",
            "DATABASE_URL": database_url,
            "LOG_LEVEL": "WARNING",
        }
    )
    env.pop("REDIS_URL", None)
    env.update(extra)
    return env


def manage(*args, env, timeout=300):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result.stdout


class Site:
    """The site running in gunicorn; a browser-like client with cookies."""

    def __init__(self, env, log_path):
        self.env = env
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process = None

    def start(self):
        self.log = open(self.log_path, "ab")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "campaign.wsgi",
                "--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--threads", "2",
                "--timeout", "60", "--graceful-timeout", "5",
            ],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        wait_until(self._answers, 60, f"the site on port {self.port} did not start")

    def _answers(self):
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited: {Path(self.log_path).read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(self.base + "/privacy/", timeout=2):
                return True
        except (urllib.error.URLError, OSError):
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def browser(self):
        return Browser(self.base)


def launch_site(database_url, log_path, **extra_env):
    """Migrate the database and serve the site on it with production settings."""
    env = production_env(database_url, **extra_env)
    manage("migrate", "--noinput", env=env)
    manage("createcachetable", env=env)
    site = Site(env, log_path)
    site.start()
    return site


class Browser:
    """Enough of a browser for forms: cookies, the CSRF token from the page, no redirects."""

    TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), self._NoRedirect
        )

    def request(self, method, path, data=None, timeout=15):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, method=method)
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data)

    def form_fields(self, html):
        """The hidden fields of the first form on the page that has a CSRF token."""
        form = html[html.index("csrfmiddlewaretoken") - 2000 :]
        fields = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"',
                                 form))
        fields["csrfmiddlewaretoken"] = self.TOKEN.search(html).group(1)
        return fields


# Mail -------------------------------------------------------------------------


class SMTPServer:
    """A local SMTP server (aiosmtpd) that can be stopped, started again and slowed down.

    A message counts as delivered only once the server has answered 250 to a client that is
    still connected, as a real mail server would: a client that dies during a slow DATA
    command has delivered nothing. `quit_delay` stalls the reply to QUIT, after the message
    was accepted, to catch a sender between "accepted" and "recorded as sent".
    """

    def __init__(self):
        self.port = free_port()
        self.delivered = []
        self.data_delay = 0.0
        self.quit_delay = 0.0
        self.in_data = threading.Event()
        self.in_quit = threading.Event()
        self.controller = None

    async def handle_DATA(self, server, session, envelope):
        self.in_data.set()
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
            if session.transport is None or session.transport.is_closing():
                return "451 client went away"
        self.delivered.append(
            {"to": list(envelope.rcpt_tos), "data": envelope.content.decode("utf8", "replace")}
        )
        return "250 OK"

    async def handle_QUIT(self, server, session, envelope):
        self.in_quit.set()
        if self.quit_delay:
            await asyncio.sleep(self.quit_delay)
        return "221 Bye"

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def recipients(self, prefix=""):
        return [
            address
            for message in self.delivered
            for address in message["to"]
            if address.startswith(prefix)
        ]


def smtp_env(server):
    return {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(server.port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": "5",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    }


# The petition -------------------------------------------------------------------

PETITION = (
    "from campaign.models import Petition; Petition.objects.get_or_create(slug='faults', "
    "defaults=dict(title='Faults', statement='Statement', addressee='China', goal=100, "
    "state=Petition.State.OPEN))"
)
# Production settings, except that the abuse checks must not hold or refuse a test's burst
# of signatures from one address.
SIGNING_ENV = {
    "SIGNING_BURST_LIMIT": "1000000",
    "SIGNING_SUSTAINED_LIMIT": "1000000",
    "SIGNING_HARD_LIMIT": "1000000",
    "SIGNING_MIN_FILL_SECONDS": "0",
}


def signer(browser, path, prefix="signer"):
    """Post the signing form as a person would, once per call, each with a new address
    (prefix + number @example.org)."""
    status, _, page = browser.get(path)
    assert status == 200, page[:500]
    fields = browser.form_fields(page)

    def sign(number):
        data = {**fields, "name": f"Signer {number}", "email": f"{prefix}{number}@example.org",
                "country": "KR", "website": ""}
        return browser.post(path, data)

    return sign


def sqlite_rows(path, sql, params=()):
    """Read or write the site's SQLite database directly, as an operator would."""
    import sqlite3

    with sqlite3.connect(path, timeout=20) as connection:
        rows = connection.execute(sql, params).fetchall()
    connection.close()
    return rows
