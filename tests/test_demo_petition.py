"""The campaign's petition comes with load_demo, once."""

import pytest
from django.core.management import call_command

from campaign.models import Petition, Signature, TimelineEntry

pytestmark = pytest.mark.django_db


def test_load_demo_creates_the_petition_once(settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    petition = Petition.objects.get()
    assert petition.title == "Stop the forced repatriation of North Korean defectors"
    assert petition.goal == 10_000
    assert petition.is_current and petition.state == Petition.State.OPEN
    assert "People's Republic of China" in petition.addressee
    # Two entries of the petition's own and the moderation demo's campaign update.
    assert TimelineEntry.objects.filter(petition=petition).count() == 3
    assert petition.signature_count == Signature.objects.counted().count() > 0


def test_without_debug_load_demo_adds_no_fictional_signers(settings):
    settings.DEBUG = False
    call_command("load_demo")
    assert Petition.objects.get().signature_count == 0
    assert not Signature.objects.exists()
