"""Names and comments cannot reach into the holes of a shared page.

A shared page holds stand-ins where each visitor's CSRF token and form time-stamp go,
filled by search and replace. A stand-in that visitors can write (a signer named
"shared-page-hole-zz", shown by consent) turned the petition page's cache off and
logged an error on every view, and a comment holding the CSRF stand-in had each
visitor's token written into it. Stand-ins now carry a secret derived from SECRET_KEY
and start with "<", which escaped content never holds.
"""

import logging
import re

import pytest
from django.core.cache import cache
from django.test import Client

from campaign.lib import fragments
from campaign.lib import pages as shared_pages
from campaign.models import Signature
from campaign.petition import views
from tests.factories import make_petition, make_signature

pytestmark = pytest.mark.django_db

OLD_STAND_INS = ["shared-page-hole-zz", "shared-page-hole-csrf", "shared-page-hole-form-started"]


@pytest.fixture
def shared_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PUBLIC_CACHE_SECONDS = 60
    cache.clear()
    fragments.clear_local()
    yield
    fragments.clear_local()


def count_builds(monkeypatch):
    builds = []
    original = views.render_petition

    def counted(*args, **kwargs):
        builds.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(views, "render_petition", counted)
    return builds


def csrf_value(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("name", OLD_STAND_INS)
def test_a_signer_named_like_a_stand_in_leaves_the_page_cached_and_the_log_quiet(
    shared_cache, monkeypatch, caplog, name
):
    petition = make_petition()
    make_signature(petition, name, show_name=True)
    builds = count_builds(monkeypatch)
    with caplog.at_level(logging.ERROR, logger="campaign.lib.pages"):
        seen = [Client().get(petition.get_absolute_url()).content.decode() for _ in range(3)]
    assert len(builds) == 1, "built once, then shared"
    assert not caplog.records
    for page in seen:
        assert f"<li>{name}, South Korea</li>" in page


@pytest.mark.parametrize("comment", OLD_STAND_INS)
def test_a_comment_never_receives_another_visitors_token(shared_cache, comment):
    petition = make_petition()
    make_signature(
        petition, "Mina Park", comment=comment, comment_state=Signature.CommentState.APPROVED
    )
    for _ in range(2):
        page = Client().get(petition.get_absolute_url()).content.decode()
        assert f"<blockquote>{comment}</blockquote>" in page
        assert csrf_value(page) not in page.split("<blockquote>")[1].split("</blockquote>")[0]


def test_even_the_real_stand_in_typed_into_a_comment_is_shown_as_text(shared_cache):
    # Someone who learnt the secret could type it; escaping still keeps it out of the holes.
    stand_in = str(shared_pages.hole("csrf"))
    petition = make_petition()
    make_signature(
        petition, "Mina Park", comment=stand_in, comment_state=Signature.CommentState.APPROVED
    )
    page = Client().get(petition.get_absolute_url()).content.decode()
    quoted = page.split("<blockquote>")[1].split("</blockquote>")[0]
    assert quoted.startswith("&lt;")
    assert csrf_value(page) not in quoted


def test_the_stand_ins_are_secret_to_each_deployment(settings):
    first = shared_pages.hole("csrf")
    settings.SECRET_KEY = "another-deployment-with-another-key"
    second = shared_pages.hole("csrf")
    assert first != second
    assert first.startswith("<") and second.startswith("<")
    assert "csrf" in first and shared_pages.marker() in second
