"""When a request cannot be served the supporter gets a plain page that says what to do."""

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client, RequestFactory

from campaign.views import errors, pages


@pytest.fixture
def quiet_client():
    # Return the error page instead of re-raising, as a real server does.
    return Client(raise_request_exception=False)


@pytest.mark.django_db
def test_a_missing_page_gets_the_sites_own_404(client):
    response = client.get("/nowhere/at/all/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'href="/"' in html


@pytest.mark.django_db
def test_a_crash_gets_a_plain_500_page(quiet_client, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pages, "render", crash)
    response = quiet_client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "boom" not in html
    assert "Traceback" not in html


@pytest.mark.parametrize("failure", [OperationalError, InterfaceError])
@pytest.mark.django_db
def test_a_database_outage_during_a_view_is_a_503_with_a_retry_hint(quiet_client, monkeypatch,
                                                                      failure):
    def outage(*args, **kwargs):
        raise failure("server closed the connection unexpectedly")

    monkeypatch.setattr(pages, "render", outage)
    response = quiet_client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Back in a moment" in html
    assert "server closed" not in html


def test_a_database_outage_outside_a_view_is_also_a_503():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = errors.server_error(request)
    assert response.status_code == 503
    assert "Retry-After" in response


def test_the_outage_page_needs_no_database():
    # Rendered with the database gone, so it must not touch it; without the django_db mark
    # any query here fails the test.
    response = errors.service_unavailable(RequestFactory().get("/"))
    assert response.status_code == 503


@pytest.mark.django_db
def test_too_many_form_fields_get_a_plain_400_page(quiet_client):
    fields = {f"field{i}": "x" for i in range(500)}
    response = quiet_client.post("/i18n/setlang/", fields)
    assert response.status_code == 400
    assert "We could not read that request" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_host_gets_a_plain_400_page(quiet_client):
    response = quiet_client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert "We could not read that request" in response.content.decode()


def test_connections_are_checked_before_reuse_so_a_restarted_database_is_reconnected(settings):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
