"""Moderators act on signatures in the admin; the count stays exact."""

import pytest
from django.contrib.auth import get_user_model

from campaign.models import OutgoingMail, Signature
from tests.factories import make_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("moderator", "m@example.org", "pw")
    client.force_login(user)
    return client


def run_action(admin_client, action, signatures, **extra):
    return admin_client.post(
        "/admin/campaign/signature/",
        {"action": action, "_selected_action": [s.pk for s in signatures], **extra},
        follow=True,
    )


def test_admin_pages_load(admin_client, petition):
    make_signature(petition, email="a@example.org")
    for url in [
        "/admin/campaign/petition/",
        f"/admin/campaign/petition/{petition.pk}/change/",
        "/admin/campaign/signature/?flagged__exact=1",
        f"/admin/campaign/signature/{Signature.objects.get().pk}/change/",
        "/admin/campaign/timelineentry/",
        "/admin/campaign/outgoingmail/",
        "/admin/campaign/signature/?q=a@example.org",
    ]:
        assert admin_client.get(url).status_code == 200, url


def test_invalidate_validate_and_restore_actions_keep_the_count(admin_client, petition):
    a = make_signature(petition, email="a@example.org")
    held = make_signature(petition, email="h@example.org", flagged=True)

    # Invalidating asks for a reason on a confirmation page first.
    response = run_action(
        admin_client, "invalidate", [a], confirm="yes", reason="Invalidated by moderator"
    )
    assert "1 signature invalidated." in response.content.decode()
    petition.refresh_from_db()
    assert petition.signature_count == 0
    a.refresh_from_db()
    assert a.invalidation_reason == "Invalidated by moderator"

    run_action(admin_client, "restore", [a])
    run_action(admin_client, "validate", [held])
    petition.refresh_from_db()
    assert petition.signature_count == 2


def test_deleting_in_the_admin_keeps_the_count(admin_client, petition):
    a = make_signature(petition, email="a@example.org")
    make_signature(petition, email="b@example.org")
    run_action(admin_client, "delete_signatures", [a])
    petition.refresh_from_db()
    assert petition.signature_count == 1
    admin_client.post(
        f"/admin/campaign/signature/{Signature.objects.get().pk}/delete/", {"post": "yes"}
    )
    petition.refresh_from_db()
    assert petition.signature_count == 0


def test_the_stock_bulk_delete_is_not_offered(admin_client, petition):
    html = admin_client.get("/admin/campaign/signature/").content.decode()
    assert 'value="delete_selected"' not in html


def test_approving_comments_publishes_them(admin_client, petition):
    a = make_signature(petition, email="a@example.org", comment="Stop it now.")
    run_action(admin_client, "approve_comments", [a])
    a.refresh_from_db()
    assert a.comment_state == Signature.CommentState.APPROVED


def test_failed_mail_can_be_sent_again(admin_client, django_capture_on_commit_callbacks):
    row = OutgoingMail.objects.create(
        template="t",
        to="a@example.org",
        subject="s",
        body_text="b",
        state=OutgoingMail.State.FAILED,
        attempts=5,
        next_attempt_at="2026-01-01T00:00Z",
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/campaign/outgoingmail/",
            {"action": "retry", "_selected_action": [row.pk]},
        )
    row.refresh_from_db()
    assert row.state == OutgoingMail.State.SENT
