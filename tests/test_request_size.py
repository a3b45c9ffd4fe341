"""Oversized request bodies are refused before they are read, with a page that says why."""

import pytest
from django.test import Client
from django.test.client import MULTIPART_CONTENT, encode_multipart


@pytest.fixture
def limit(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


@pytest.fixture
def quiet_client():
    return Client(raise_request_exception=False)


@pytest.mark.django_db
def test_a_huge_urlencoded_form_is_refused_with_413(quiet_client, limit):
    response = quiet_client.post(
        "/i18n/setlang/",
        data="language=en&next=" + "x" * (limit * 2),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "too much to send" in response.content.decode()


@pytest.mark.django_db
def test_a_huge_multipart_upload_is_refused_with_413(quiet_client, limit, tmp_path):
    upload = tmp_path / "big.bin"
    upload.write_bytes(b"\0" * (limit * 3))
    with upload.open("rb") as handle:
        body = encode_multipart("BoUnDaRy", {"language": "en", "file": handle})
    response = quiet_client.generic(
        "POST", "/i18n/setlang/", body, content_type="multipart/form-data; boundary=BoUnDaRy"
    )
    assert response.status_code == 413
    assert MULTIPART_CONTENT.startswith("multipart/form-data")


@pytest.mark.django_db
def test_a_form_within_the_limit_is_served(client, limit):
    response = client.post("/i18n/setlang/", {"language": "ko", "next": "/"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_nonsense_content_length_is_a_400_not_a_crash(quiet_client, limit):
    response = quiet_client.generic(
        "POST",
        "/i18n/setlang/",
        "language=en",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH="not-a-number",
    )
    assert response.status_code == 400
    assert "We could not read that request" in response.content.decode()
