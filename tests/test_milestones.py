"""Goals that move: the timeline marks each milestone once, and editors may
reword or hide the entry. Signers are numbered by the count they reached.
The parallel tests need PostgreSQL (SQLite runs one writer at a time)."""

import pytest
from django.db import connection

from campaign.models import Signature, TimelineEntry
from campaign.petition import signatures
from tests.factories import make_petition, make_signature
from tests.test_signing_concurrency import run_in_threads

pytestmark = pytest.mark.django_db


def sign_many(petition, count, start=0):
    for n in range(start, start + count):
        make_signature(petition, email=f"signer{n}@example.org")


def held_at_signing(petition, email):
    """A signature held for moderation when it was made (the abuse checks), then
    confirmed by its signer: confirmed, but not counted."""
    signature = make_signature(petition, email=email, state="pending")
    Signature.objects.filter(pk=signature.pk).update(flagged=True, flag_reason="burst")
    signatures.confirm_signature(signature.pk)
    signature.refresh_from_db()
    return signature


def milestones(petition):
    return list(
        TimelineEntry.objects.filter(petition=petition, kind="milestone")
        .order_by("milestone")
        .values_list("milestone", "title")
    )


def test_passing_a_milestone_adds_a_timeline_entry(petition):
    sign_many(petition, 99)
    assert milestones(petition) == []
    sign_many(petition, 1, start=99)
    assert milestones(petition) == [(100, "100 people have signed")]
    sign_many(petition, 5, start=100)
    assert milestones(petition) == [(100, "100 people have signed")], "once per milestone"


def test_the_goal_is_a_milestone_with_its_own_words():
    petition = make_petition(goal=3)
    sign_many(petition, 3)
    assert milestones(petition) == [(3, "Goal reached: 3 people have signed")]


def test_a_milestone_passed_again_after_a_withdrawal_is_not_marked_twice():
    petition = make_petition(goal=2)
    sign_many(petition, 2)
    last = Signature.objects.filter(petition=petition).latest("pk")
    signatures.withdraw_signature(last.pk)
    sign_many(petition, 1, start=10)
    assert [number for number, _title in milestones(petition)] == [2]


def test_a_bulk_validation_passing_several_milestones_marks_each():
    petition = make_petition(goal=150)
    for n in range(1000):
        held_at_signing(petition, f"held{n}@example.org")
    assert milestones(petition) == []
    signatures.validate_signatures(Signature.objects.filter(petition=petition))
    petition.refresh_from_db()
    assert petition.signature_count == 1000
    assert [number for number, _title in milestones(petition)] == [100, 150, 1000]
    numbers = sorted(Signature.objects.filter(petition=petition).values_list("signer_number",
                                                                             flat=True))
    assert numbers == list(range(1, 1001))


def test_an_editor_may_reword_or_hide_a_milestone(client, petition):
    sign_many(petition, 100)
    entry = TimelineEntry.objects.get(petition=petition, milestone=100)
    assert "100 people have signed" in client.get(petition.get_absolute_url()).content.decode()
    entry.title = "A hundred of us!"
    entry.save()
    html = client.get(petition.get_absolute_url()).content.decode()
    assert "A hundred of us!" in html and "timeline__entry--milestone" in html
    entry.hidden = True
    entry.save()
    html = client.get(petition.get_absolute_url()).content.decode()
    assert "A hundred of us!" not in html
    # A hidden entry still holds its milestone: it does not come back.
    sign_many(petition, 1, start=500)
    assert TimelineEntry.objects.filter(petition=petition, milestone=100).count() == 1


def test_editors_see_the_hidden_flag_in_the_admin(client, editor, petition):
    sign_many(petition, 100)
    entry = TimelineEntry.objects.get(milestone=100)
    html = client.get(f"/admin/campaign/timelineentry/{entry.pk}/change/").content.decode()
    assert 'name="hidden"' in html
    response = client.post(
        f"/admin/campaign/timelineentry/{entry.pk}/change/",
        {"petition": petition.pk, "date": entry.date.isoformat(), "title_en": "Reworded",
         "title_ko": "", "body_en": "", "body_ko": "", "kind": "milestone", "link": "",
         "hidden": "on"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    entry.refresh_from_db()
    assert entry.hidden and entry.title == "Reworded" and entry.milestone == 100


def test_signers_are_numbered_in_the_order_they_are_counted(petition):
    first = make_signature(petition, email="one@example.org")
    pending = make_signature(petition, email="two@example.org", state="pending")
    third = make_signature(petition, email="three@example.org")
    assert (first.signer_number, third.signer_number) == (1, 2)
    assert pending.signer_number is None, "not counted yet, so no place"
    signatures.confirm_signature(pending.pk)
    pending.refresh_from_db()
    assert pending.signer_number == 3


def test_a_held_signature_gets_its_number_when_a_moderator_lets_it_count(petition):
    held = held_at_signing(petition, "held@example.org")
    make_signature(petition, email="other@example.org")
    assert held.signer_number is None
    signatures.validate_signatures(Signature.objects.filter(pk=held.pk))
    held.refresh_from_db()
    assert held.signer_number == 2


def test_an_invalidated_and_restored_signature_keeps_its_number(petition):
    signature = make_signature(petition, email="one@example.org")
    make_signature(petition, email="two@example.org")
    rows = Signature.objects.filter(pk=signature.pk)
    signatures.invalidate_signatures(rows, "check")
    signatures.restore_signatures(rows)
    signature.refresh_from_db()
    assert signature.signer_number == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_confirmations_number_every_signer_once_and_mark_each_milestone_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite runs one writer at a time")
    petition = make_petition(goal=150)
    for n in range(220):
        signatures.sign_petition(
            petition, {"name": "A", "email": f"p{n}@example.org", "country": "KR"}, {}
        )
    pending = list(Signature.objects.filter(petition=petition).values_list("pk", flat=True))
    assert len(pending) == 220
    run_in_threads(pending, signatures.confirm_signature)
    petition.refresh_from_db()
    assert petition.signature_count == 220
    numbers = sorted(
        Signature.objects.filter(petition=petition).values_list("signer_number", flat=True)
    )
    assert numbers == list(range(1, 221)), "each count reached by exactly one signer"
    assert [number for number, _title in milestones(petition)] == [100, 150]
