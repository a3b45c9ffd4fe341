"""A double click, a resubmit after the back button or a reload of a posted page creates
nothing twice."""

import pytest
from django.core import mail

from campaign.models import Signature
from tests.factories import link_from_mail, make_petition, signature_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def petition(db):
    return make_petition()


def test_the_same_signing_form_posted_twice_makes_one_signature(client, petition, on_commit):
    form = signature_form(email="twice@example.org")
    with on_commit():
        first = client.post(petition.get_absolute_url(), form)
    with on_commit():
        second = client.post(petition.get_absolute_url(), form)
    assert first.status_code == second.status_code == 302
    # The second visitor sees the same page, so it does not reveal who has signed.
    assert first["Location"] == second["Location"]
    assert Signature.objects.filter(petition=petition).count() == 1


def test_a_resubmit_with_htmx_after_a_plain_post_makes_one_signature(client, petition, on_commit):
    form = signature_form(email="htmx-twice@example.org")
    with on_commit():
        client.post(petition.get_absolute_url(), form)
        client.post(petition.get_absolute_url(), form, HTTP_HX_REQUEST="true")
    assert Signature.objects.filter(petition=petition).count() == 1


def test_confirming_twice_counts_the_signature_once(client, petition, on_commit):
    with on_commit():
        client.post(petition.get_absolute_url(), signature_form(email="confirm@example.org"))
    confirm = link_from_mail(mail.outbox[0], "confirm")
    assert client.post(confirm).status_code == 302
    assert client.post(confirm).status_code in {200, 302}
    petition.refresh_from_db()
    assert petition.signature_count == 1


def test_withdrawing_twice_removes_one_signature_and_fails_softly(client, petition, on_commit):
    with on_commit():
        client.post(petition.get_absolute_url(), signature_form(email="leave@example.org"))
    client.post(link_from_mail(mail.outbox[0], "confirm"))
    withdraw = link_from_mail(mail.outbox[0], "withdraw")
    client.post(withdraw)
    again = client.post(withdraw)
    assert again.status_code < 500
    petition.refresh_from_db()
    assert petition.signature_count == 0


def test_the_last_step_of_a_letter_posted_twice_records_one_letter(client):
    from campaign.models import Letter
    from tests.factories import make_official, make_point
    from tests.letter_forms import submit

    official = make_official()
    make_point("Stop the forced repatriation of North Korean defectors")
    points = submit(client, client.get("/letters/"), replace={"officials": str(official.pk)})
    about = submit(client, points)
    letter = submit(client, about, replace={"name": "Alice Kim", "country": "Canada"})
    first = submit(client, letter, replace={"share": "on"})
    # The back button and "send again", or a double click.
    second = submit(client, letter, replace={"share": "on"})
    assert first.status_code == second.status_code == 200
    assert "Your letter is ready" in second.content.decode()
    assert Letter.objects.count() == 1
