"""Moderators invalidate and restore signatures in bulk, with a reason; the count follows."""

import pytest
from django.contrib.admin.models import LogEntry

from campaign.models import Signature
from tests.factories import make_petition, make_signature

pytestmark = pytest.mark.django_db

LIST = "/admin/campaign/signature/"


@pytest.fixture
def five():
    petition = make_petition()
    signatures = [make_signature(petition, f"Signer {n}") for n in range(5)]
    petition.refresh_from_db()
    assert petition.signature_count == 5
    return petition, signatures


def count(petition):
    petition.refresh_from_db()
    return petition.signature_count


def test_invalidating_asks_for_a_reason_first(client, moderator, five):
    petition, signatures = five
    chosen = [s.pk for s in signatures[:3]]
    page = client.post(LIST, {"action": "invalidate", "_selected_action": chosen})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="reason"' in html and "3 signatures selected" in html
    assert count(petition) == 5

    missing = client.post(
        LIST, {"action": "invalidate", "_selected_action": chosen, "confirm": "yes", "reason": ""}
    )
    assert missing.status_code == 200
    assert 'aria-invalid="true"' in missing.content.decode()
    assert count(petition) == 5


def test_invalidate_three_of_five_then_restore_them(client, moderator, five):
    petition, signatures = five
    chosen = [s.pk for s in signatures[:3]]
    response = client.post(
        LIST,
        {
            "action": "invalidate",
            "_selected_action": chosen,
            "confirm": "yes",
            "reason": "Same person, three addresses",
        },
    )
    assert response.status_code == 302
    assert count(petition) == 2
    invalid = Signature.objects.filter(state=Signature.State.INVALIDATED)
    assert set(invalid.values_list("invalidation_reason", flat=True)) == {
        "Same person, three addresses"
    }
    history = LogEntry.objects.filter(user=moderator)
    assert sorted(int(pk) for pk in history.values_list("object_id", flat=True)) == sorted(chosen)
    assert history.first().get_change_message() == "Invalidated: Same person, three addresses"

    client.post(LIST, {"action": "restore", "_selected_action": chosen})
    assert count(petition) == 5
    assert LogEntry.objects.filter(user=moderator).count() == 6


def test_invalidating_across_every_page_keeps_the_filter(client, moderator, five):
    petition, signatures = five
    make_signature(petition, "Other land", country="US")
    response = client.post(
        LIST + "?country__exact=KR",
        {
            "action": "invalidate",
            "_selected_action": [signatures[0].pk],
            "select_across": "1",
            "confirm": "yes",
            "reason": "Bulk test",
        },
    )
    assert response.status_code == 302
    assert count(petition) == 1


def test_validating_held_signatures_counts_them_and_logs_it(client, moderator, five):
    petition, _ = five
    held = make_signature(petition, "Held", flagged=True)
    assert count(petition) == 5
    client.post(LIST, {"action": "validate", "_selected_action": [held.pk]})
    assert count(petition) == 6
    entry = LogEntry.objects.get(object_id=str(held.pk))
    assert entry.user == moderator


def test_bulk_comment_actions_on_the_signature_list_are_logged_too(client, moderator, five):
    petition, _ = five
    with_comment = make_signature(petition, "Talker", comment="Free them")
    client.post(LIST, {"action": "approve_comments", "_selected_action": [with_comment.pk]})
    assert LogEntry.objects.get(object_id=str(with_comment.pk)).get_change_message() == (
        "Comment approved"
    )
