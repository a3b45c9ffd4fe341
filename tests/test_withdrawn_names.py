"""Whoever withdraws no longer sees their own name, on the "withdrawn and deleted" page
or on the petition page right after, though the page's public parts are cached."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from campaign.lib import fragments
from tests.factories import link_from_mail, make_petition, sign, visitor

pytestmark = pytest.mark.django_db

SHOWN = "Mina P."


@pytest.fixture
def cached_pages(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PUBLIC_CACHE_SECONDS = 60
    settings.LOCAL_CACHE_SECONDS = 60
    cache.clear()
    fragments.clear_local()
    yield
    fragments.clear_local()


@pytest.fixture
def listed(cached_pages, on_commit):
    """A petition whose page lists Mina, cached, and Mina's browser."""
    petition = make_petition()
    mina = visitor()
    sign(mina, petition, on_commit, name="Mina Park", show_name="on", comment="Free them.")
    mina.post(link_from_mail(mail.outbox[0]))
    from campaign.models import Signature

    Signature.objects.update(comment_state=Signature.CommentState.APPROVED)
    fragments.bump("petitions")
    assert SHOWN in Client().get(petition.get_absolute_url()).content.decode()
    return petition, mina


def test_the_withdrawn_page_does_not_show_the_name_just_withdrawn(listed):
    petition, mina = listed
    page = mina.post(link_from_mail(mail.outbox[0], "withdraw"), follow=True)
    text = page.content.decode()
    assert "Your signature has been withdrawn and deleted." in text
    assert SHOWN not in text and "Free them." not in text


def test_the_petition_page_right_after_does_not_show_it_either(listed):
    petition, mina = listed
    mina.post(link_from_mail(mail.outbox[0], "withdraw"), follow=True)
    assert SHOWN not in mina.get(petition.get_absolute_url()).content.decode()
    assert SHOWN not in Client().get(petition.get_absolute_url()).content.decode()


def test_nor_from_a_server_still_holding_the_old_page(listed):
    # Another server process keeps its own copy for LOCAL_CACHE_SECONDS: the person
    # who withdrew gets pages built for them meanwhile.
    petition, mina = listed
    held_elsewhere = dict(fragments._local)
    mina.post(link_from_mail(mail.outbox[0], "withdraw"))
    fragments._local.update(held_elsewhere)
    for _ in range(2):
        assert SHOWN not in mina.get(petition.get_absolute_url()).content.decode()
