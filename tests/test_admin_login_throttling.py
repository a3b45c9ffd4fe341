"""Admin sign-in is throttled per (username, address) pair against password guessing.

django-axes keeps the count in the shared cache, so every worker and server sees it.
Each attempt is counted, atomically, before its password is checked, so a burst of
simultaneous guesses gets no more password checks than the limit allows. A pair, not
a username, is locked: guesses from elsewhere cannot lock the real admin out.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db import connection, connections
from django.test import Client

from tests.factories import make_staff

LOGIN = "/admin/login/"
RIGHT = "a-long-staff-password"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def limit(settings):
    return settings.AXES_FAILURE_LIMIT


def sign_in(client, username, password, ip="203.0.113.5"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


def locked(response):
    return "Too many failed sign-in attempts" in response.content.decode()


@pytest.mark.django_db
def test_the_right_password_signs_in(client):
    make_staff("mod", "Moderators")
    response = sign_in(client, "mod", RIGHT)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_five_failures_lock_that_username_from_that_address(client, limit):
    make_staff("mod", "Moderators")
    for attempt in range(limit):
        assert not locked(sign_in(client, "mod", f"wrong-{attempt}"))
    response = sign_in(client, "mod", RIGHT)
    assert response.status_code == 200
    assert locked(response)
    assert "15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # The username is the same however it is typed.
    assert locked(sign_in(client, " MOD ", RIGHT))


@pytest.mark.django_db
def test_guesses_from_other_addresses_cannot_lock_the_real_admin_out(client, limit):
    make_staff("mod", "Moderators")
    for attempt in range(limit * 3):
        sign_in(client, "mod", "wrong", ip=f"198.51.100.{attempt % 5}")
    assert sign_in(client, "mod", RIGHT, ip="192.0.2.77").status_code == 302


@pytest.mark.django_db
def test_a_locked_pair_leaves_other_usernames_from_that_address_alone(client, limit):
    make_staff("mod", "Moderators")
    for _ in range(limit):
        sign_in(client, "guesser", "wrong")
    assert locked(sign_in(client, "guesser", "wrong"))
    assert sign_in(client, "mod", RIGHT).status_code == 302


@pytest.mark.django_db
def test_success_clears_the_count_of_that_pair(client, limit):
    make_staff("mod", "Moderators")
    for _ in range(limit - 1):
        sign_in(client, "mod", "wrong")
    assert sign_in(client, "mod", RIGHT).status_code == 302
    client.logout()
    for _ in range(limit - 1):
        assert not locked(sign_in(client, "mod", "wrong"))
    assert sign_in(client, "mod", RIGHT).status_code == 302


@pytest.mark.django_db
def test_a_failure_message_does_not_say_which_part_was_wrong(client):
    response = sign_in(client, "nobody", "wrong")
    assert response.status_code == 200
    assert "Too many" not in response.content.decode()


@pytest.mark.django_db
def test_each_attempt_is_counted_before_its_password_is_checked(client, monkeypatch):
    make_staff("mod", "Moderators")
    counted_at_check = []
    original = ModelBackend.authenticate

    def checking(self, request, username=None, password=None, **kwargs):
        counted_at_check.append(AxesProxyHandler.get_failures(request, {"username": username}))
        return original(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", checking)
    for _ in range(3):
        sign_in(client, "mod", "wrong")
    assert counted_at_check == [1, 2, 3]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_guesses_get_no_more_password_checks_than_the_limit(monkeypatch, limit):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite runs one writer at a time")
    make_staff("mod", "Moderators")
    checks = []
    guard = threading.Lock()
    original = ModelBackend.authenticate

    def checking(self, request, username=None, password=None, **kwargs):
        with guard:
            checks.append(password)
        return original(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", checking)

    def guess(n):
        try:
            return sign_in(Client(), "mod", f"guess-{n}").status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(guess, range(40)))
    assert statuses == [200] * 40
    assert len(checks) <= limit


@pytest.mark.django_db
def test_a_password_checked_without_a_request_is_not_throttled(client, limit):
    # A test client's login() or a script: no address, nothing to count.
    make_staff("mod", "Moderators")
    for _ in range(limit + 2):
        assert not client.login(username="mod", password="wrong")
    assert client.login(username="mod", password=RIGHT)
