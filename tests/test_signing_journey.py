"""A person signs, confirms by email and is thanked: without JavaScript and with htmx."""

import pytest
from django.core import mail

from articles.models import Briefing
from campaign.models import Signature
from tests.factories import link_from_mail, make_petition, sign, signature_form

pytestmark = pytest.mark.django_db


def test_a_signer_without_javascript_signs_confirms_and_is_counted(client, petition, on_commit):
    page = client.get(petition.get_absolute_url())
    assert page.status_code == 200
    assert b'name="started"' in page.content

    response = sign(client, petition, on_commit)
    assert response.status_code == 302
    assert response["Location"] == f"/petitions/{petition.slug}/check-inbox/"
    assert "Check your inbox" in client.get(response["Location"]).content.decode()

    signature = Signature.objects.get()
    assert signature.state == Signature.State.PENDING
    petition.refresh_from_db()
    assert petition.signature_count == 0, "nothing counts before confirmation"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mina@example.org"]
    assert "confirm" in message.subject.lower()
    confirm = link_from_mail(message, "confirm")
    assert link_from_mail(message, "withdraw")

    # Opening the link (as a mail scanner would) changes nothing.
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Confirm my signature" in page.content.decode()
    signature.refresh_from_db()
    assert signature.state == Signature.State.PENDING

    response = client.post(confirm)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/petitions/{petition.slug}/thanks/?n=")
    assert "You are signer number <strong>1</strong>" in client.get(
        response["Location"]
    ).content.decode()
    signature.refresh_from_db()
    assert signature.state == Signature.State.CONFIRMED
    assert signature.confirmed_at is not None
    petition.refresh_from_db()
    assert petition.signature_count == 1
    assert list(petition.tallies.values_list("country", "count")) == [("KR", 1)]


def test_confirming_twice_counts_once(client, petition, on_commit):
    sign(client, petition, on_commit)
    confirm = link_from_mail(mail.outbox[0])
    client.post(confirm)
    client.post(confirm)
    petition.refresh_from_db()
    assert petition.signature_count == 1
    assert "already confirmed" in client.get(confirm).content.decode()


def test_a_signer_with_htmx_sees_the_check_inbox_notice_in_place(client, petition, on_commit):
    with on_commit():
        response = client.post(
            petition.get_absolute_url(), signature_form(), HTTP_HX_REQUEST="true"
        )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Check your inbox" in html
    assert "<html" not in html, "a fragment, not the whole page"
    assert len(mail.outbox) == 1


def test_field_errors_are_shown_inline_with_htmx(client, petition):
    response = client.post(
        petition.get_absolute_url(),
        signature_form(name="", email="not-an-address"),
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "Please enter your name." in html
    assert "Please enter an email address like name@example.com." in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert Signature.objects.count() == 0


def test_field_errors_without_javascript_keep_what_was_typed(client, petition):
    response = client.post(petition.get_absolute_url(), signature_form(country=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please choose your country." in html
    assert 'value="Mina Park"' in html
    assert Signature.objects.count() == 0


def test_the_thank_you_page_offers_sharing_a_qr_code_and_the_next_step(client, petition):
    html = client.get(f"/petitions/{petition.slug}/thanks/").content.decode()
    for service in (
        "twitter.com/intent/tweet",
        "facebook.com/sharer",
        "wa.me",
        "t.me/share",
        "social-plugins.line.me",
        "mailto:",
    ):
        assert service in html
    assert "KakaoTalk" in html
    assert f"/petitions/{petition.slug}/qr.svg" in html
    assert "/static/js/copy.js" in html
    assert "<script>" not in html and " style=" not in html


def test_the_current_petition_is_at_slash_petition(client, db):
    make_petition(title="Older")
    current = make_petition(title="The current one", is_current=True)
    html = client.get("/petition/").content.decode()
    assert current.title in html
    assert f'action="{current.get_absolute_url()}"' in html


def test_the_home_page_has_a_compact_signing_box(client, db):
    petition = make_petition(is_current=True)
    html = client.get("/").content.decode()
    assert f'action="{petition.get_absolute_url()}"' in html
    assert 'name="compact" value="1"' in html
    assert 'name="comment"' not in html


def test_signing_from_a_briefing_remembers_where_the_signer_came_from(client, on_commit, db):
    petition = make_petition(is_current=True)
    briefing = Briefing.objects.create(
        title="Humane China", slug="humane-china", body="Text.", status="published"
    )
    html = client.get(briefing.get_absolute_url()).content.decode()
    assert 'name="source" value="humane-china"' in html
    sign(client, petition, on_commit, source="humane-china", compact="1")
    assert Signature.objects.get().source == "humane-china"


def test_errors_from_the_compact_box_with_htmx_come_back_compact(client, db):
    petition = make_petition(is_current=True)
    response = client.post(
        petition.get_absolute_url(),
        signature_form(email="", compact="1"),
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "Please enter your email address." in html
    assert 'name="compact" value="1"' in html


def test_a_source_that_is_not_a_slug_is_dropped_quietly(client, petition, on_commit):
    sign(client, petition, on_commit, source="<script>")
    assert Signature.objects.get().source == ""


def test_consent_to_show_the_name_is_off_unless_chosen(client, petition, on_commit):
    html = client.get(petition.get_absolute_url()).content.decode()
    assert 'name="show_name" aria-describedby' in html
    assert "family in North Korea" in html
    sign(client, petition, on_commit)
    assert Signature.objects.get().show_name is False


def test_only_consenting_confirmed_signers_and_approved_comments_are_shown(
    client, petition, on_commit
):
    sign(
        client,
        petition,
        on_commit,
        name="Shown Person",
        email="a@example.org",
        show_name="on",
        comment="Please stop.",
    )
    sign(
        client,
        petition,
        on_commit,
        name="Hidden Person",
        email="b@example.org",
        comment="Held comment",
    )
    for message in mail.outbox:
        client.post(link_from_mail(message))
    html = client.get(petition.get_absolute_url()).content.decode()
    assert "Shown P." in html
    assert "Hidden" not in html
    assert "Please stop." not in html, "comments wait for a moderator"
    Signature.objects.filter(email="a@example.org").update(comment_state="approved")
    html = client.get(petition.get_absolute_url()).content.decode()
    assert "Please stop." in html
    assert "Held comment" not in html
