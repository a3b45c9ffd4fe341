"""Draft petitions are hidden; paused, closed and expired ones refuse signatures."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from campaign.models import Petition, Signature
from tests.factories import link_from_mail, make_petition, sign, signature_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["", "count/", "widget/", "qr.svg", "thanks/", "check-inbox/", "resend/"]
)
def test_a_draft_petition_is_not_found_by_the_public(client, path):
    petition = make_petition(state=Petition.State.DRAFT)
    assert client.get(f"{petition.get_absolute_url()}{path}").status_code == 404
    assert client.get(f"/petitions/{petition.slug}.json").status_code == 404


def test_staff_can_preview_a_draft_and_it_is_not_cached(client):
    petition = make_petition(state=Petition.State.DRAFT)
    staff = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    client.force_login(staff)
    response = client.get(petition.get_absolute_url())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "does not accept signatures yet" in response.content.decode()


def test_no_petition_at_all_makes_slash_petition_a_404(client):
    make_petition(state=Petition.State.DRAFT)
    assert client.get("/petition/").status_code == 404


@pytest.mark.parametrize(
    ("state", "message"),
    [
        (Petition.State.PAUSED, "Signing is paused for now"),
        (Petition.State.CLOSED, "This petition is closed"),
    ],
)
def test_paused_and_closed_petitions_refuse_signatures_with_a_clear_message(
    client, on_commit, state, message
):
    petition = make_petition(state=state)
    page = client.get(petition.get_absolute_url()).content.decode()
    assert message in page
    assert 'name="email"' not in page

    response = sign(client, petition, on_commit)
    assert response.status_code == 302
    assert message in client.get(response["Location"]).content.decode()

    response = client.post(petition.get_absolute_url(), signature_form(), HTTP_HX_REQUEST="true")
    assert message in response.content.decode()
    assert Signature.objects.count() == 0
    assert mail.outbox == []


def test_a_petition_past_its_deadline_counts_as_closed(client, on_commit):
    petition = make_petition(deadline=timezone.now() - timedelta(minutes=1))
    assert petition.effective_state == Petition.State.CLOSED
    sign(client, petition, on_commit)
    assert Signature.objects.count() == 0
    assert client.get(f"/petitions/{petition.slug}.json").json()["state"] == "closed"


def test_a_petition_with_a_future_deadline_is_open(client, on_commit):
    petition = make_petition(deadline=timezone.now() + timedelta(days=1))
    sign(client, petition, on_commit)
    assert Signature.objects.count() == 1


def test_a_signature_cannot_be_confirmed_once_the_petition_closed(client, petition, on_commit):
    sign(client, petition, on_commit)
    Petition.objects.filter(pk=petition.pk).update(state=Petition.State.CLOSED)
    link = link_from_mail(mail.outbox[0])
    response = client.post(link)
    assert response.status_code == 409
    assert "This petition is closed" in response.content.decode()
    assert Signature.objects.get().state == Signature.State.PENDING


def test_a_closed_petition_still_shows_its_count_and_sign_box_message(client):
    petition = make_petition(state=Petition.State.CLOSED, is_current=True)
    html = client.get("/").content.decode()
    assert "This petition is closed" in html
    assert (
        f"/petitions/{petition.slug}/count/"
        in client.get(petition.get_absolute_url()).content.decode()
    )
