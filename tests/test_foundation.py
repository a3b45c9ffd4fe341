"""The foundation: settings from the environment, the layout, static files."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_check(env_overrides, command=("check",)):
    # The suite's own settings module (tests.settings) stays out: these are the real ones.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "SITE_URL", "ALLOWED_HOSTS"}
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check({})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


SECRET = {"SECRET_KEY": "a-secret-only-for-this-test"}


def test_production_refuses_to_start_without_a_site_address():
    # Every mailed link starts with it; a forgotten one would send signers to port 8000.
    result = run_check(SECRET)
    assert result.returncode != 0
    assert "SITE_URL is not set" in result.stderr


def test_production_refuses_a_site_address_it_would_not_answer_to():
    result = run_check(
        {**SECRET, "SITE_URL": "https://petition.example.org", "ALLOWED_HOSTS": "other.example"}
    )
    assert result.returncode != 0
    assert "not in ALLOWED_HOSTS" in result.stderr
    result = run_check({**SECRET, "SITE_URL": "petition.example.org"})
    assert result.returncode != 0
    assert "SITE_URL must be a scheme and a host" in result.stderr


def test_production_starts_with_a_site_address_among_its_hosts():
    result = run_check(
        {**SECRET, "SITE_URL": "https://petition.example.org/", "ALLOWED_HOSTS": ".example.org"}
    )
    assert result.returncode == 0, result.stderr


def test_development_mode_starts_without_a_secret_key():
    result = run_check({"DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def test_a_bad_boolean_setting_fails_loudly():
    result = run_check({"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be a yes/no value" in result.stderr


def test_debug_is_off_by_default():
    # In a separate process: the test runner turns DEBUG off whatever the settings say.
    show_debug = ("shell", "-c", "from django.conf import settings; print(settings.DEBUG)")
    environment = {"SECRET_KEY": "a-secret-only-for-this-test", "SITE_URL": "http://127.0.0.1"}
    result = run_check(environment, command=show_debug)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.django_db
def test_home_page_has_the_layout(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert 'href="#main"' in html
    assert "/static/js/htmx.min.js" in html
    assert "/privacy/" in html
    # Addresses in data (JSON-LD's "https://schema.org", og:url) are not assets, nor are
    # the page's own addresses for search engines (canonical, the other language's).
    head = html.split("<body")[0]
    head = re.sub(r'<link rel="(?:canonical|alternate)"[^>]*>', "", head)
    assert not re.search(r'(src|href)="(https?:)?//', head), "no third-party assets in <head>"


@pytest.mark.django_db
def test_privacy_page_is_linked_and_served(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    assert "never publish your email address" in response.content.decode()


def test_htmx_is_vendored():
    htmx = ROOT / "static" / "js" / "htmx.min.js"
    assert htmx.stat().st_size > 10_000
