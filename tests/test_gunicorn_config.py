"""gunicorn.conf.py says at start-up that it expects a body-buffering proxy in front."""

import runpy
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parents[1] / "gunicorn.conf.py"


class Log:
    def __init__(self):
        self.lines = []

    def info(self, message, *args):
        self.lines.append(("info", message % args))

    def warning(self, message, *args):
        self.lines.append(("warning", message % args))


class Server:
    def __init__(self):
        self.log = Log()


def start_up_lines(monkeypatch, proxies):
    if proxies is None:
        monkeypatch.delenv("TRUSTED_PROXY_COUNT", raising=False)
    else:
        monkeypatch.setenv("TRUSTED_PROXY_COUNT", str(proxies))
    server = Server()
    runpy.run_path(str(CONFIG))["when_ready"](server)
    return server.log.lines


@pytest.mark.parametrize("proxies", [None, 0])
def test_without_a_declared_proxy_the_start_up_warns_that_one_must_buffer_bodies(
    monkeypatch, proxies
):
    ((level, line),) = start_up_lines(monkeypatch, proxies)
    assert level == "warning"
    assert "body-buffering reverse proxy" in line and "docs/deploy.md" in line


def test_behind_a_declared_proxy_the_start_up_says_it_must_buffer_bodies(monkeypatch):
    ((level, line),) = start_up_lines(monkeypatch, 1)
    assert level == "info"
    assert "buffer request bodies" in line and "proxy_request_buffering on" in line
