"""Arbitrary input in every public form and URL parameter never breaks the site: the answer
is always a page (or a JSON error) that says what to fix, never a server error.

Hypothesis generates the input: any unicode, Korean, emoji, control characters including NUL
(PostgreSQL refuses NUL in text, so a field that let it through would fail there), very long
strings, lists where one value is expected, missing and unexpected fields, undecodable bytes.
"""

import html
import re
import urllib.parse
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_official, make_petition, make_point, signature_form

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = [
    "\x00", "a\x00b", "\x1b[31m", "\r\n\r\n", "\u202e", "\ufeff", "\u0000\u0001\u0002",
    "x" * 100_000, "💥" * 5_000, "김정은", "<script>alert(1)</script>", "' OR 1=1 --",
    "-1", "0", "99999999999999999999999", "1e308", "NaN", "[]", "{}", "null", "../../etc/passwd",
    "%00", "%", "true", " ",
]

text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
    st.binary(max_size=100).map(lambda raw: raw.decode("latin-1")),
    st.sampled_from(NASTY),
)
value = st.one_of(text, st.lists(text, max_size=3))
raw_bytes = st.binary(max_size=200)


def form_data(fields):
    """Dictionaries of the form's own field names (some missing) and a few strangers."""
    names = st.sampled_from([*fields, "unexpected", "csrfmiddlewaretoken", ""])
    return st.dictionaries(names, value, max_size=len(fields) + 2)


def assert_answered(response, what):
    assert response.status_code < 500, f"{what}: {response.status_code}"
    if response.status_code >= 400:
        assert response.content.strip(), f"{what}: an error with no explanation"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The admin login hashes every password it is sent; the real hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def quiet_client():
    # A real server answers a crash with the 500 page; the test sees the status.
    return Client(raise_request_exception=False)


# Forms ---------------------------------------------------------------------------
# Every public form: a name, a function that returns the URL it posts to (creating what it
# needs), and its field names.


def petition_url(suffix=""):
    return make_petition().get_absolute_url() + suffix


SIGNATURE_FIELDS = ["name", "email", "country", "postal_code", "comment", "show_name",
                    "wants_updates", "source", "started", "website", "compact"]

def letter_writer_url():
    make_official()
    make_point("Stop the forced repatriation of North Korean defectors")
    return "/letters/"


def letter_delivery_url(suffix):
    def make_url():
        from campaign.letters.services import letter_token
        from campaign.models import Letter

        letter = Letter.objects.create(official=make_official(), language="en",
                                       key=uuid.uuid4().hex)
        return f"/letters/{letter_token(letter, 'subject', 'text')}/{suffix}"

    return make_url


LETTER_FIELDS = ["step", "next", "back", "officials", "points", "point", "name", "city",
                 "country", "personal", "reply_email", "reply_address", "letter-1-subject",
                 "letter-1-text", "share", "key"]

FORMS = {
    "language": (lambda: reverse("set_language"), ["language", "next"]),
    "admin login": (lambda: reverse("admin:login"), ["username", "password", "next"]),
    "petition signing": (petition_url, SIGNATURE_FIELDS),
    "resend confirmation": (lambda: petition_url("resend/"), ["email"]),
    "letter writer": (letter_writer_url, LETTER_FIELDS),
    "letter as text": (letter_delivery_url("letter.txt"), ["subject", "text", "sender"]),
    "letter as PDF": (letter_delivery_url("letter.pdf"), ["subject", "text", "sender"]),
    "letter to print": (letter_delivery_url("print/"), ["subject", "text", "sender"]),
}


@pytest.mark.parametrize("form", FORMS)
def test_forms_survive_arbitrary_input(quiet_client, form):
    make_url, fields = FORMS[form]
    url = make_url()

    @EXAMPLES
    @given(data=form_data(fields))
    def post(data):
        assert_answered(quiet_client.post(url, data), f"POST {url} {data!r:.200}")

    post()


@pytest.mark.parametrize("form", FORMS)
def test_forms_survive_undecodable_bytes(quiet_client, form):
    make_url, fields = FORMS[form]
    url = make_url()

    @EXAMPLES
    @given(raw=st.lists(raw_bytes, min_size=len(fields), max_size=len(fields)))
    def post(raw):
        body = "&".join(
            f"{name}={urllib.parse.quote_from_bytes(chunk)}"
            for name, chunk in zip(fields, raw, strict=True)
        )
        response = quiet_client.post(url, body, content_type="application/x-www-form-urlencoded")
        assert_answered(response, f"POST {url} {body!r:.200}")

    post()


@pytest.mark.parametrize("form", FORMS)
def test_forms_refuse_nul_characters_without_failing(quiet_client, form):
    make_url, fields = FORMS[form]
    response = quiet_client.post(make_url(), dict.fromkeys(fields, "before\x00after"))
    assert_answered(response, form)


def test_the_signing_form_says_plainly_what_is_wrong_with_a_nul_character(client):
    url = petition_url()
    response = client.post(url, signature_form(name="Mina\x00Park", comment="a\x00b"))
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(source=text)
def test_any_source_in_the_link_still_lets_a_supporter_sign(client, source):
    # The ?source= of a shared link comes back in a hidden field: whatever it was, the
    # supporter must be able to sign (an error on a hidden field could never be fixed).
    petition = make_petition()
    page = client.get(petition.get_absolute_url(), {"source": source})
    assert page.status_code == 200
    hidden = re.search(r'name="source" value="([^"]*)"', page.content.decode())
    sent_back = html.unescape(hidden.group(1)) if hidden else ""
    response = client.post(petition.get_absolute_url(),
                           signature_form(email="src@example.org", source=sent_back))
    assert response.status_code == 302, source


# URL parameters ---------------------------------------------------------------------
# (URL name, query parameters it reads).
QUERIES = [
    ("home", ["source"]),
    ("briefing_list", ["page", "q"]),
    ("letters_start", ["point", "official", "source"]),
    ("petition_current", ["source", "page"]),
    ("talking_points", ["addressee", "page"]),
    ("officials", ["category"]),
]


@pytest.mark.parametrize(("url_name", "params"), QUERIES)
def test_url_parameters_survive_arbitrary_input(quiet_client, url_name, params):
    url = reverse(url_name)

    @EXAMPLES
    @given(query=st.dictionaries(st.sampled_from(params), value, min_size=1))
    def get(query):
        assert_answered(quiet_client.get(url, query), f"GET {url} {query!r:.200}")

    get()


# Path segments: slugs and tokens. {} is replaced by the generated text, URL-quoted.
PATHS = [
    ("GET", "/briefings/{}/"),
    ("POST", "/letters/{}/letter.txt"),
    ("POST", "/letters/{}/print/"),
    ("GET", "/petitions/{}/"),
    ("GET", "/petitions/{}.json"),
    ("GET", "/petitions/main/confirm/{}/"),
    ("POST", "/petitions/main/confirm/{}/"),
    ("POST", "/petitions/main/withdraw/{}/"),
]


@pytest.mark.parametrize(("method", "pattern"), PATHS)
def test_path_segments_survive_arbitrary_input(quiet_client, method, pattern):
    make_petition(slug="main")

    @EXAMPLES
    @given(segment=text)
    def request(segment):
        path = pattern.format(urllib.parse.quote(segment.encode("utf-8", "surrogatepass"),
                                                 safe=""))
        response = quiet_client.generic(method, path)
        assert_answered(response, f"{method} {path:.200}")

    request()


def test_the_letter_writer_says_plainly_what_is_wrong_with_a_nul_character(client):
    from campaign.models import Official
    from tests.letter_forms import submit

    page = client.get(letter_writer_url())
    points = submit(client, page, replace={"officials": str(Official.objects.get().pk)})
    about = submit(client, points)
    response = submit(client, about, replace={"name": "Alice\x00Kim", "personal": "a\x00b"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Null characters are not allowed." in html
    assert 'aria-invalid="true"' in html
