"""Production settings pass Django's deployment checklist with nothing to warn about."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def production_environment(**overrides):
    # Nothing from the test run leaks in (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE).
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "HTTPS"} and not k.startswith("DJANGO_")
    }
    env.update(
        {
            "SECRET_KEY": secrets.token_urlsafe(64),
            "HTTPS": "1",
            "ALLOWED_HOSTS": "safepassage.example.org",
            "SITE_URL": "https://safepassage.example.org",
        }
    )
    env.update(overrides)
    return env


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_with_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_settings_keep_cookies_secure_and_hidden_from_scripts():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.CSRF_COOKIE_HTTPONLY, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS >= 31536000)"
    )
    result = manage("shell", "--no-imports", "-c", code, env=production_environment())
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"] * 6
