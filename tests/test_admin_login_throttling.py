"""Admin sign-in is throttled per username and per address against password guessing."""

import pytest
from django.core.cache import cache

from campaign.lib import throttle
from tests.factories import make_staff

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def sign_in(client, username, password, ip="203.0.113.5"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


def test_the_right_password_signs_in(client):
    make_staff("mod", "Moderators")
    response = sign_in(client, "mod", "a-long-staff-password")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_five_failures_lock_the_username_even_with_the_right_password(client):
    make_staff("mod", "Moderators")
    for attempt in range(throttle.MAX_FAILURES):
        sign_in(client, "mod", f"wrong-{attempt}", ip=f"198.51.100.{attempt}")
    response = sign_in(client, "mod", "a-long-staff-password", ip="192.0.2.77")
    assert response.status_code == 200
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_five_failures_from_one_address_lock_that_address_for_every_username(client):
    make_staff("mod", "Moderators")
    for attempt in range(throttle.MAX_FAILURES):
        sign_in(client, f"guess{attempt}", "wrong")
    locked = sign_in(client, "mod", "a-long-staff-password")
    assert "Too many failed sign-in attempts" in locked.content.decode()
    elsewhere = sign_in(client, "mod", "a-long-staff-password", ip="192.0.2.1")
    assert elsewhere.status_code == 302


def test_fewer_failures_than_the_limit_do_not_lock_and_success_resets_the_count(client):
    make_staff("mod", "Moderators")
    for attempt in range(throttle.MAX_FAILURES - 1):
        sign_in(client, "mod", "wrong", ip=f"198.51.100.{attempt}")
    assert sign_in(client, "mod", "a-long-staff-password", ip="192.0.2.9").status_code == 302
    assert not throttle.is_locked_out("mod", "")


def test_a_failure_message_does_not_say_which_part_was_wrong(client):
    response = sign_in(client, "nobody", "wrong")
    assert response.status_code == 200
    assert "Too many" not in response.content.decode()
