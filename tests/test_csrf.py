"""Every form that changes something needs the form token; without it the sender gets a 403
page that says how to try again."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import make_petition

# Views allowed to take a POST without a token. Keep this empty unless a view can prove the
# sender some other way (a signed token in the URL is not enough: it can be replayed).
ALLOWED_WITHOUT_TOKEN = set()

# Every public form: the URL it posts to.
PUBLIC_FORM_URLS = [
    "/i18n/setlang/",
    "/admin/login/",
    "/letters/",
    "/letters/any-token/letter.txt",
    "/letters/any-token/letter.pdf",
    "/letters/any-token/print/",
    "/petitions/csrf/",
    "/petitions/csrf/resend/",
    "/petitions/csrf/confirm/any-token/",
    "/petitions/csrf/withdraw/any-token/",
]


def all_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from all_patterns(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def test_no_view_skips_the_csrf_check():
    exempt = {
        route
        for route, pattern in all_patterns()
        if getattr(pattern.callback, "csrf_exempt", False) and route not in ALLOWED_WITHOUT_TOKEN
    }
    assert not exempt


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("url", PUBLIC_FORM_URLS)
@pytest.mark.django_db
def test_a_post_without_the_form_token_is_refused_with_a_friendly_page(csrf_client, url):
    make_petition(slug="csrf")
    response = csrf_client.post(url, {"name": "A supporter", "email": "someone@example.org"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Please send the form again" in html
    assert "reload the page" in html
    # The technical reason stays in the log.
    assert "CSRF token" not in html and "Referer" not in html


@pytest.mark.django_db
def test_a_post_with_a_wrong_token_is_refused(csrf_client):
    csrf_client.get("/")
    response = csrf_client.post(
        "/i18n/setlang/", {"language": "ko", "csrfmiddlewaretoken": "x" * 64}
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_post_with_the_token_from_the_page_is_accepted(csrf_client):
    html = csrf_client.get("/").content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = csrf_client.post("/i18n/setlang/", {"language": "ko", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


@pytest.mark.django_db
def test_htmx_sends_the_token_from_the_page_not_from_the_cookie(csrf_client):
    # The cookie is HttpOnly, so scripts cannot read it; htmx takes it from <body hx-headers>.
    response = csrf_client.get("/")
    assert response.cookies["csrftoken"]["httponly"]
    html = response.content.decode()
    token = html.split('"X-CSRFToken": "')[1].split('"')[0]
    response = csrf_client.post(
        "/i18n/setlang/", {"language": "ko"}, HTTP_X_CSRFTOKEN=token, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 302
