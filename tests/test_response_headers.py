"""Every response carries the security headers, pages holding a visitor's form token are
private, and a request for another host costs one log line."""

import logging

import pytest
from django.test import Client

from tests.factories import make_petition

pytestmark = pytest.mark.django_db

SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "Permissions-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
)


def assert_security_headers(response):
    missing = [header for header in SECURITY_HEADERS if header not in response]
    assert not missing, f"{response.status_code} lacks {missing}"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_static_files_carry_the_security_headers(settings):
    # WhiteNoise answers before the rest of the site's middleware runs.
    settings.WHITENOISE_USE_FINDERS = True
    response = Client().get("/static/css/site.css")
    assert response.status_code == 200
    assert response.get("Content-Type", "").startswith("text/css")
    assert_security_headers(response)


def test_the_413_page_carries_the_security_headers(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = Client(raise_request_exception=False).post(
        "/i18n/setlang/", data="language=en&next=" + "x" * 5000,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert_security_headers(response)


def test_the_400_page_for_an_unreadable_request_carries_them_too():
    response = Client(raise_request_exception=False).generic(
        "POST", "/i18n/setlang/", "language=en",
        content_type="application/x-www-form-urlencoded", CONTENT_LENGTH="nonsense",
    )
    assert response.status_code == 400
    assert_security_headers(response)


@pytest.mark.parametrize("shared", [False, True], ids=["rendered", "from the shared cache"])
def test_pages_with_a_form_token_are_private(settings, shared):
    if shared:
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        }
        settings.PUBLIC_CACHE_SECONDS = 5
    petition = make_petition()
    for path in ("/", petition.get_absolute_url(), "/privacy/", f"{petition.get_absolute_url()}"):
        response = Client().get(path)
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "private" in response["Cache-Control"], path
        assert "public" not in response["Cache-Control"], path


def test_token_free_responses_stay_public():
    petition = make_petition()
    response = Client().get(f"/petitions/{petition.slug}.json")
    assert "public" in response["Cache-Control"]
    assert "private" not in response["Cache-Control"]


def test_a_bad_host_header_logs_one_line_without_a_traceback(caplog):
    with caplog.at_level(logging.WARNING):
        response = Client().get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 1
    (record,) = records
    assert record.exc_info is None and not record.exc_text
    line = logging.Formatter().format(record)
    assert "\n" not in line and "evil.example" in line
