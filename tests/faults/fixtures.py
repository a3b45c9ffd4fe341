"""Fixtures for the fault tests (see harness.py).

Not a conftest.py: the suite keeps a single conftest, whose helpers tests import by name.

The PostgreSQL server is a throwaway instance (initdb in a temporary folder, its own port) so
that restarting it interrupts nobody else's work on the machine's main server. It needs root
(to run the server as the postgres user) and the PostgreSQL server binaries; without them the
tests that need it are skipped.
"""

import glob
import os
import shutil

import pytest

from tests.faults.harness import (
    ROOT,
    PrivatePostgres,
    SMTPServer,
    launch_site,
    manage,
    production_env,
)


@pytest.fixture(scope="session")
def private_postgres():
    if os.geteuid() != 0:
        pytest.skip("needs root to run a private PostgreSQL server as the postgres user")
    bindirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bindirs or not shutil.which("runuser"):
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    server = PrivatePostgres(bindirs[-1])
    try:
        server.init()
        yield server
    finally:
        # Whatever happened in the test, leave nothing running.
        server.destroy()


# The site ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def collected_static():
    """Production settings serve hashed static file names: collect them once if stale."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    newest = max(p.stat().st_mtime for p in (ROOT / "static").rglob("*") if p.is_file())
    if not manifest.exists() or manifest.stat().st_mtime < newest:
        manage("collectstatic", "--noinput", env=production_env("sqlite:///:memory:"))


@pytest.fixture
def start_site(collected_static, tmp_path):
    """Start the site with production settings on a database; stopped after the test."""
    sites = []

    def start(database_url, **extra_env):
        site = launch_site(database_url, tmp_path / f"gunicorn-{len(sites)}.log", **extra_env)
        sites.append(site)
        return site

    yield start
    for site in sites:
        site.stop()


@pytest.fixture
def smtp_server():
    server = SMTPServer()
    yield server
    server.stop()
