"""The admin is for staff only and works under the same Content-Security-Policy as the site."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)


PASSWORD = "a long passphrase"


def make_user(username, **flags):
    return User.objects.create_user(username, f"{username}@example.org", PASSWORD, **flags)


def registered_models():
    return sorted(model._meta.label for model in admin.site._registry)


def assert_allowed_by_the_policy(response):
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert ' style="' not in html


@pytest.mark.django_db
def test_the_admin_asks_anonymous_visitors_to_log_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_a_supporter_account_without_staff_rights_cannot_enter_the_admin(client):
    make_user("supporter")
    client.force_login(User.objects.get(username="supporter"))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
@pytest.mark.parametrize("label", registered_models())
def test_every_admin_page_loads_under_the_policy_without_inline_code(client, rf, label):
    boss = make_user("boss", is_staff=True, is_superuser=True)
    client.force_login(boss)
    model = apps.get_model(label)
    model_admin = admin.site._registry[model]
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    assert_allowed_by_the_policy(client.get(reverse(f"{prefix}_changelist")))
    request = rf.get("/admin/")
    request.user = boss
    if model_admin.has_add_permission(request):
        assert_allowed_by_the_policy(client.get(reverse(f"{prefix}_add")))


@pytest.mark.django_db
def test_the_admin_refuses_to_be_framed(client):
    response = client.get("/admin/login/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_the_admin_sign_in(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_user("boss", is_staff=True, is_superuser=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/admin/login/", {"username": "boss", "password": "guess"})
        assert response.status_code == 200
    # Now even the right password is refused, and the page says why in plain words.
    response = client.post("/admin/login/", {"username": "boss", "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
