"""The health check a load balancer polls."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_health_check_reports_database_and_cache_ok(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_check_names_the_part_that_failed(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache is down")

    monkeypatch.setattr("campaign.site.health.cache.set", broken)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "failed"}


@pytest.mark.django_db
def test_health_check_answers_over_plain_http_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/").status_code == 301
    assert client.get(reverse("healthz")).status_code == 200
