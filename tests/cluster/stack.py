"""A cluster on this machine, laid out as docs/deploy.md describes production: Debian's nginx
as the load balancer and body-buffering proxy in front of two gunicorn app servers, two mail
workers, one PostgreSQL database, one Redis database, and an SMTP server that counts mail.

    make cluster         start it, print the addresses, stop everything on Ctrl-C
    make cluster-test    tests/cluster/test_cluster.py, which uses it through nginx

Everything listens on 127.0.0.1 on ports chosen free. The database is created fresh on the
PostgreSQL server at CLUSTER_POSTGRES_URL and dropped at the end; the Redis database at
CLUSTER_REDIS_URL is emptied at the start and at the end, so it must be one nobody else uses.
Each app server and each worker gets a VAR_DIR of its own: they share nothing on local disk,
only the release (code and collected static files), the database, Redis and the mail server.

The pieces the fault tests already have (production settings, the gunicorn site, a browser
with cookies, the SMTP server) come from tests/faults/harness.py.
"""

import email
import email.policy
import http.client
import logging
import os
import re
import secrets
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.faults.harness import (
    ROOT,
    Browser,
    Site,
    SMTPServer,
    free_port,
    manage,
    production_env,
    smtp_env,
    wait_until,
)

HERE = Path(__file__).resolve().parent
# aiosmtpd logs every command it receives.
logging.getLogger("mail.log").setLevel(logging.WARNING)
POSTGRES_URL = os.environ.get("CLUSTER_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/7")
# Each app server: gunicorn's production settings (gunicorn.conf.py) with two processes of
# four threads, so state kept in one process would show even within one server.
APP_SERVER_ENV = {"WEB_CONCURRENCY": "2", "THREADS": "4"}
NAMES = ("a", "b")


def nginx_binary():
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx",) if os.access(path, os.X_OK)), None
    )


# Mail -------------------------------------------------------------------------------


class MailSink(SMTPServer):
    """The fault tests' SMTP server, which can also hold one message in DATA (`hold`) until
    `release()`: the worker sending it is then known to be in the middle of a delivery.
    A message counts as delivered only if its sender is still connected when it is accepted.
    """

    def __init__(self, echo=False):
        super().__init__()
        self.echo = echo
        self.hold_prefix = None
        self.holding = threading.Event()
        self.released = threading.Event()

    def hold(self, prefix):
        self.hold_prefix = prefix
        self.holding.clear()
        self.released.clear()

    def release(self):
        self.hold_prefix = None
        self.released.set()

    async def handle_DATA(self, server, session, envelope):
        import asyncio

        if self.hold_prefix and any(r.startswith(self.hold_prefix) for r in envelope.rcpt_tos):
            self.holding.set()
            while not self.released.is_set():
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.2)  # time for a dead client's connection to be noticed
            if session.transport is None or session.transport.is_closing():
                return "451 client went away"
        reply = await super().handle_DATA(server, session, envelope)
        if self.echo:
            message = parse(self.delivered[-1]["data"])
            print(f"  mail to {', '.join(envelope.rcpt_tos)}: {message['subject']}", flush=True)
            for link in re.findall(r"https?://\S+", text_of(message)):
                print(f"    {link}", flush=True)
        return reply

    def count(self, prefix=""):
        """How many copies each address starting with `prefix` received."""
        copies = {}
        for address in self.recipients(prefix):
            copies[address] = copies.get(address, 0) + 1
        return copies

    def messages_to(self, address):
        return [parse(m["data"]) for m in list(self.delivered) if address in m["to"]]


def parse(data):
    return email.message_from_string(data, policy=email.policy.default)


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def link(message, kind):
    """The first link in a message's text whose path has `/kind/` in it (confirm, withdraw)."""
    found = re.search(rf"https?://\S+/{kind}/\S+", text_of(message))
    assert found, text_of(message)
    return found.group(0)


# Processes ----------------------------------------------------------------------------


class ProcessGroup:
    """A process started in a group of its own, so that it can be stopped, or killed as a
    crashed machine would be, together with every process it started (gunicorn's workers)."""

    process = None

    def spawn(self, args, env, log_path):
        self.log = open(log_path, "ab")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, process_group=0
        )

    def kill(self):
        """Kill the whole group at once, with no chance to finish anything."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self, timeout=15):
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
            except ProcessLookupError:
                pass
        self.log.close()


class AppServer(ProcessGroup, Site):
    """One app server: gunicorn with the project's gunicorn.conf.py."""

    def __init__(self, name, env, run, port=None):
        super().__init__(env, run / f"gunicorn-{name}.log")
        self.name = name
        if port is not None:
            self.port = port
            self.base = f"http://127.0.0.1:{port}"
        self.var = run / f"var-{name}"

    def start(self):
        self.var.mkdir(exist_ok=True)
        env = {
            **self.env,
            **APP_SERVER_ENV,
            "BIND": f"127.0.0.1:{self.port}",
            "VAR_DIR": str(self.var),
            "ACCESS_LOG": "off",
        }
        self.spawn([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], env,
                   self.log_path)
        wait_until(self._answers, 60, f"app server {self.name} did not start")


class Worker(ProcessGroup):
    """One `manage.py db_worker`, as `make worker` runs it."""

    def __init__(self, name, env, run):
        self.name = name
        self.env = {**env, "VAR_DIR": str(run / f"var-{name}")}
        self.log_path = run / f"{name}.log"

    def start(self):
        Path(self.env["VAR_DIR"]).mkdir(exist_ok=True)
        self.spawn([sys.executable, "manage.py", "db_worker", "--worker-id", self.name],
                   self.env, self.log_path)


class _Template(string.Template):
    # nginx's own variables start with $.
    delimiter = "@"


class Nginx(ProcessGroup):
    """Debian's nginx with a configuration generated from nginx.conf.template."""

    def __init__(self, run, upstreams, body_limit):
        self.run = run
        self.port, self.pinned_a, self.pinned_b = free_port(), free_port(), free_port()
        self.values = {
            "run": str(run),
            "port": self.port,
            "pinned_a": self.pinned_a,
            "pinned_b": self.pinned_b,
            "port_a": upstreams["a"],
            "port_b": upstreams["b"],
            "body_limit": body_limit,
        }
        self.url = f"http://127.0.0.1:{self.port}"
        self.pinned = {"a": f"http://127.0.0.1:{self.pinned_a}",
                       "b": f"http://127.0.0.1:{self.pinned_b}"}
        self.config = run / "nginx.conf"

    def start(self):
        template = _Template((HERE / "nginx.conf.template").read_text())
        self.config.write_text(template.substitute(self.values))
        # As root, nginx's workers run as nobody: they need to reach the temporary folders.
        self.run.chmod(0o755)
        self.spawn([nginx_binary(), "-p", str(self.run), "-c", str(self.config), "-e", "stderr"],
                   None, self.run / "nginx.log")

        def answers():
            if self.process.poll() is not None:
                raise AssertionError(f"nginx exited: {(self.run / 'nginx.log').read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2):
                    return True
            except (urllib.error.URLError, OSError):
                return False

        wait_until(answers, 30, "nginx did not start")


# Clients ---------------------------------------------------------------------------


class Client(Browser):
    """The fault tests' browser, connecting from an address of its own on the loopback
    network (any of 127.0.0.0/8), so that each client is a different visitor to the app.
    Paths are full URLs: one client (one cookie jar) can use every entrance of the cluster.
    """

    def __init__(self, address="127.0.0.1"):
        super().__init__("")
        self.address = address
        handler = _FromAddress(address)
        self.opener = urllib.request.build_opener(
            handler, urllib.request.HTTPCookieProcessor(self.cookies), self._NoRedirect
        )


class _FromAddress(urllib.request.HTTPHandler):
    def __init__(self, address):
        super().__init__()
        self.address = address

    def http_open(self, req):
        return self.do_open(http.client.HTTPConnection, req, source_address=(self.address, 0))


# The cluster ------------------------------------------------------------------------


class Cluster:
    """Start with `start()`, stop with `stop()` (which also cleans up after a failed start)."""

    def __init__(self, run, postgres_url=POSTGRES_URL, redis_url=REDIS_URL, echo_mail=False):
        self.run = Path(run)
        self.postgres_url = postgres_url
        self.redis_url = redis_url
        self.database = f"cluster_{secrets.token_hex(4)}"
        self.database_url = postgres_url.rsplit("/", 1)[0] + "/" + self.database
        self.mail = MailSink(echo=echo_mail)
        self.servers = {}
        self.workers = {}
        self.nginx = None
        self.env = None
        self.created = False
        self.admin_password = secrets.token_urlsafe(12)

    # Start and stop -------------------------------------------------------------------

    def start(self, progress=print):
        started = time.monotonic()
        self._create_database()
        self._empty_redis()
        self.mail.start()
        ports = {name: free_port() for name in NAMES}
        body_limit = 256 * 1024
        self.nginx = Nginx(self.run, ports, body_limit)
        self.env = production_env(
            self.database_url,
            REDIS_URL=self.redis_url,
            TRUSTED_PROXY_COUNT="1",
            SITE_URL=self.nginx.url,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATA_UPLOAD_MAX_MEMORY_SIZE=str(body_limit),
            **smtp_env(self.mail),
        )
        self.env.pop("PUBLIC_CACHE_SECONDS", None)
        self.env.pop("LOCAL_CACHE_SECONDS", None)
        progress(f"database {self.database}: migrating and loading the editorials")
        self.manage("migrate", "--noinput")
        self.manage("load_demo")
        self.manage(
            "createsuperuser", "--noinput", "--username", "admin",
            "--email", "admin@example.org",
            env={**self.env, "DJANGO_SUPERUSER_PASSWORD": self.admin_password},
        )
        manifest = ROOT / "staticfiles" / "staticfiles.json"
        newest = max(p.stat().st_mtime for p in (ROOT / "static").rglob("*") if p.is_file())
        if not manifest.exists() or manifest.stat().st_mtime < newest:
            self.manage("collectstatic", "--noinput")
        progress("starting two app servers, two workers and nginx")
        for name in NAMES:
            self.servers[name] = AppServer(name, self.env, self.run, port=ports[name])
            self.servers[name].start()
        for number in (1, 2):
            worker = Worker(f"worker-{number}", self.env, self.run)
            self.workers[worker.name] = worker
            worker.start()
        self.nginx.start()
        progress(f"up in {time.monotonic() - started:.0f} s")

    def stop(self):
        for process in [self.nginx, *self.servers.values(), *self.workers.values()]:
            if process is not None:
                process.stop()
        self.mail.stop()
        if self.created:
            self._admin_sql(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        self._empty_redis()

    def _admin_sql(self, statement):
        import psycopg

        with psycopg.connect(self.postgres_url, autocommit=True) as connection:
            connection.execute(statement)

    def _create_database(self):
        self._admin_sql(f'CREATE DATABASE "{self.database}"')
        self.created = True

    def _empty_redis(self):
        import redis

        client = redis.Redis.from_url(self.redis_url)
        client.flushdb()
        client.close()

    # Using it -----------------------------------------------------------------------

    @property
    def url(self):
        """The site, balanced over both app servers."""
        return self.nginx.url

    def through(self, name):
        """The site through nginx, pinned to app server `name` ("a" or "b")."""
        return self.nginx.pinned[name]

    def served_by(self, headers):
        """Which app server answered, from nginx's X-Upstream header (the last one tried)."""
        upstream = headers.get("X-Upstream", "").split(",")[-1].strip()
        by_port = {f"127.0.0.1:{server.port}": name for name, server in self.servers.items()}
        return by_port.get(upstream, upstream or "nginx")

    def manage(self, *args, env=None, timeout=300):
        return manage(*args, env=env or self.env, timeout=timeout)

    def sql(self, query, params=()):
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as connection:
            cursor = connection.execute(query, params)
            return cursor.fetchall() if cursor.description else []

    def restart_server(self, name):
        old = self.servers[name]
        old.stop()
        self.servers[name] = AppServer(name, self.env, self.run, port=old.port)
        self.servers[name].start()

    def restart_worker(self, name):
        self.workers[name].stop()
        self.workers[name] = Worker(name, self.env, self.run)
        self.workers[name].start()

    def describe(self):
        lines = [
            f"Site (nginx, balanced):  {self.url}/",
            f"  pinned to server a:    {self.through('a')}/",
            f"  pinned to server b:    {self.through('b')}/",
            f"Admin:                   {self.url}/admin/  admin / {self.admin_password}",
        ]
        for name, server in self.servers.items():
            lines.append(f"App server {name}:            {server.base}/ (gunicorn, "
                         f"pid {server.process.pid}, log {server.log_path})")
        for name, worker in self.workers.items():
            lines.append(f"Worker {name}:          pid {worker.process.pid}, "
                         f"log {worker.log_path}")
        lines += [
            f"PostgreSQL:              {self.database_url}",
            f"Redis:                   {self.redis_url}",
            f"Mail (SMTP, counted):    127.0.0.1:{self.mail.port}",
        ]
        return "\n".join(lines)


def main():
    if not nginx_binary():
        sys.exit("nginx is not installed (Debian: apt-get install nginx)")
    run = Path(tempfile.mkdtemp(prefix="cluster-"))
    cluster = Cluster(run, echo_mail=True)

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    try:
        cluster.start()
        print(cluster.describe(), flush=True)
        print("Mail sent by the workers is listed below. Ctrl-C stops everything.", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("\nstopping", flush=True)
    finally:
        # A second Ctrl-C must not leave half the cluster running.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        cluster.stop()
        received = len(cluster.mail.delivered)
        shutil.rmtree(run, ignore_errors=True)
        print(f"stopped; the mail server received {received} message(s)", flush=True)


if __name__ == "__main__":
    main()
