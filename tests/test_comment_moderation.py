"""Moderators approve and reject signers' comments in bulk, each change in the history."""

import pytest
from django.contrib.admin.models import LogEntry

from campaign.models import Signature, SignatureComment
from tests.factories import make_petition, make_signature

pytestmark = pytest.mark.django_db

QUEUE = "/admin/campaign/signaturecomment/"


@pytest.fixture
def signatures():
    petition = make_petition()
    return [
        make_signature(petition, "Ana", comment="Let them go free."),
        make_signature(petition, "Bo", comment="Shame on the police."),
        make_signature(petition, "Cy", comment="Spam spam http://spam.example"),
        make_signature(petition, "Di"),
    ]


def test_the_queue_lists_only_signatures_with_a_comment(client, moderator, signatures):
    assert SignatureComment.objects.count() == 3
    page = client.get(QUEUE + "?comment_state__exact=pending").content.decode()
    assert "Let them go free." in page
    assert "Di" not in [s.name for s in SignatureComment.objects.all()]


def test_comments_are_pending_until_approved(signatures):
    assert {s.comment_state for s in signatures} == {Signature.CommentState.PENDING}


def test_bulk_approve_and_reject_write_one_history_entry_per_comment(client, moderator, signatures):
    ana, bo, spam, _ = signatures
    client.post(QUEUE, {"action": "approve_comments", "_selected_action": [ana.pk, bo.pk]})
    client.post(QUEUE, {"action": "reject_comments", "_selected_action": [spam.pk]})
    states = dict(Signature.objects.values_list("name", "comment_state"))
    assert states["Ana"] == states["Bo"] == Signature.CommentState.APPROVED
    assert states["Cy"] == Signature.CommentState.REJECTED
    entries = LogEntry.objects.filter(user=moderator)
    assert entries.count() == 3
    assert {e.get_change_message() for e in entries} == {"Comment approved", "Comment rejected"}
    assert set(entries.values_list("object_id", flat=True)) == {
        str(ana.pk),
        str(bo.pk),
        str(spam.pk),
    }


def test_approving_an_approved_comment_changes_and_logs_nothing(client, moderator, signatures):
    ana = signatures[0]
    client.post(QUEUE, {"action": "approve_comments", "_selected_action": [ana.pk]})
    client.post(QUEUE, {"action": "approve_comments", "_selected_action": [ana.pk]})
    assert LogEntry.objects.count() == 1
