"""Start and stop the app for a benchmark run: gunicorn as `make serve` runs it,
or another WSGI server with the same processes and threads, to compare them."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent

# The servers the bench can run the app under (--servers). Each gets the
# workers and threads of WEB_CONCURRENCY and THREADS, and keeps connections alive.
SERVERS = ("gunicorn", "granian", "uwsgi")


def manage(env, *args, quiet=True):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
        timeout=600,
    )


def command(kind, port, env):
    workers, threads = env.get("WEB_CONCURRENCY", "2"), env.get("THREADS", "8")
    if kind == "gunicorn":
        # gunicorn.conf.py reads BIND, WEB_CONCURRENCY, THREADS, ... from the environment.
        return [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
    if kind == "granian":
        return [str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1",
                "--port", str(port), "--workers", workers, "--blocking-threads", threads,
                "--no-ws", "--log-level", "warning", "campaign.wsgi:application"]
    if kind == "uwsgi":
        # The HTTP/1.1 socket parses requests in C in each worker, keeping connections alive.
        return [str(BIN / "uwsgi"), "--http11-socket", f"127.0.0.1:{port}", "--master",
                "--processes", workers, "--threads", threads, "--module",
                "campaign.wsgi:application", "--need-app", "--die-on-term",
                "--disable-logging", "--thunder-lock", "--buffer-size", "16384"]
    raise ValueError(f"unknown server {kind!r}: one of {', '.join(SERVERS)}")


class Server:
    """The app under `kind` (gunicorn with gunicorn.conf.py, as `make serve`
    runs it, by default) on 127.0.0.1, from the tree at `root`."""

    def __init__(self, env, port, kind="gunicorn", root=ROOT):
        self.kind, self.root = kind, Path(root)
        self.env = {**env, "BIND": f"127.0.0.1:{port}", "ACCESS_LOG": "off",
                    "LOG_LEVEL": "WARNING", "PYTHONPATH": str(self.root)}
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            command(self.kind, self.port, self.env),
            cwd=self.root,
            env=self.env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} exited while starting")
            try:
                with urllib.request.urlopen(self.base_url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{self.kind} did not answer /healthz within 60 s")

    def pids(self):
        """The master and its workers, for the profiler."""
        found = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        )
        return [self.process.pid, *(int(pid) for pid in found.stdout.split())]

    @property
    def group(self):
        """The process group every process of this server is in (its own session)."""
        return self.process.pid

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def __exit__(self, *exc):
        self.stop()
