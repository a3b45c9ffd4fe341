"""The stored count and the per-country tallies follow every change exactly."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.models import CountryTally, OutgoingMail, Petition, Signature
from campaign.petition import signatures
from tests.factories import make_petition, make_signature

pytestmark = pytest.mark.django_db


def counts(petition):
    petition.refresh_from_db()
    tallies = dict(
        CountryTally.objects.filter(petition=petition, count__gt=0).values_list("country", "count")
    )
    return petition.signature_count, tallies


def test_confirming_counts_by_country(petition):
    make_signature(petition, email="a@example.org", country="KR")
    make_signature(petition, email="b@example.org", country="KR")
    make_signature(petition, email="c@example.org", country="JP")
    make_signature(petition, email="d@example.org", country="JP", state="pending")
    assert counts(petition) == (3, {"KR": 2, "JP": 1})


def test_invalidating_and_restoring_move_the_count(petition):
    a = make_signature(petition, email="a@example.org", country="KR")
    pending = make_signature(petition, email="p@example.org", country="KR", state="pending")
    make_signature(petition, email="b@example.org", country="US")
    selected = Signature.objects.filter(pk__in=[a.pk, pending.pk])

    assert signatures.invalidate_signatures(selected, "duplicate person") == 2
    assert counts(petition) == (1, {"US": 1})
    a.refresh_from_db()
    assert a.invalidation_reason == "duplicate person"
    assert signatures.invalidate_signatures(selected, "again") == 0, "already invalid"
    assert counts(petition) == (1, {"US": 1})

    assert signatures.restore_signatures(selected) == 2
    assert counts(petition) == (2, {"US": 1, "KR": 1})
    pending.refresh_from_db()
    assert pending.state == Signature.State.PENDING, "never confirmed, so back to pending"


def test_flagged_signatures_wait_for_a_moderator(petition):
    held = make_signature(petition, email="h@example.org", flagged=True, flag_reason="honeypot")
    assert held.state == Signature.State.CONFIRMED
    assert counts(petition) == (0, {})
    assert signatures.validate_signatures(Signature.objects.all()) == 1
    assert counts(petition) == (1, {"KR": 1})
    assert signatures.flag_signatures(Signature.objects.all(), "second look") == 1
    assert counts(petition) == (0, {})


def test_withdrawal_and_deletion_keep_the_count(petition):
    a = make_signature(petition, email="a@example.org")
    make_signature(petition, email="b@example.org")
    assert signatures.withdraw_signature(a.pk) is True
    assert signatures.withdraw_signature(a.pk) is False
    assert counts(petition) == (1, {"KR": 1})
    signatures.delete_signatures(Signature.objects.all())
    assert counts(petition) == (0, {})


def test_an_editor_saving_a_stale_petition_does_not_undo_signatures(petition):
    stale = Petition.objects.get(pk=petition.pk)
    make_signature(petition, email="a@example.org")
    stale.title = "A better title"
    stale.save()
    petition.refresh_from_db()
    assert petition.title == "A better title"
    assert petition.signature_count == 1


def test_a_moderator_saving_a_stale_signature_does_not_undo_its_confirmation(petition):
    signature = make_signature(petition, email="a@example.org", state="pending")
    stale = Signature.objects.get(pk=signature.pk)
    signatures.confirm_signature(signature.pk)
    stale.comment_state = Signature.CommentState.APPROVED
    stale.save()
    signature.refresh_from_db()
    assert signature.state == Signature.State.CONFIRMED
    assert signature.comment_state == Signature.CommentState.APPROVED


def test_recount_reports_and_repairs_a_wrong_count(petition, capsys):
    make_signature(petition, email="a@example.org", country="KR")
    make_signature(petition, email="b@example.org", country="JP")
    ok = make_petition(slug="all-fine")
    Petition.objects.filter(pk=petition.pk).update(signature_count=7)
    CountryTally.objects.filter(petition=petition, country="JP").delete()
    CountryTally.objects.create(petition=petition, country="FR", count=4)

    call_command("recount_signatures", "--dry-run")
    out = capsys.readouterr().out
    assert f"{petition.slug}: stored 7, actual 2, countries wrong 2: would fix" in out
    assert counts(petition)[0] == 7

    call_command("recount_signatures")
    out = capsys.readouterr().out
    assert f"{petition.slug}: stored 7, actual 2, countries wrong 2: fixed" in out
    assert f"{ok.slug}: stored 0, actual 0, countries wrong 0: ok" in out
    assert "2 petition(s) checked, 1 repaired." in out
    assert counts(petition) == (2, {"KR": 1, "JP": 1})


def test_purge_deletes_only_old_unconfirmed_signatures(petition, capsys):
    old_pending = make_signature(petition, email="old@example.org", state="pending")
    make_signature(petition, email="new@example.org", state="pending")
    old_confirmed = make_signature(petition, email="kept@example.org")
    long_ago = timezone.now() - timedelta(days=40)
    Signature.objects.filter(pk__in=[old_pending.pk, old_confirmed.pk]).update(created_at=long_ago)

    old_mail = OutgoingMail.objects.create(
        template="t",
        to="old@example.org",
        subject="s",
        body_text="b",
        state=OutgoingMail.State.SENT,
        next_attempt_at=long_ago,
    )
    OutgoingMail.objects.filter(pk=old_mail.pk).update(updated_at=long_ago)
    OutgoingMail.objects.create(
        template="t", to="q@example.org", subject="s", body_text="b", next_attempt_at=long_ago
    )

    call_command("purge_unconfirmed", "--days", "30", "--dry-run")
    out = capsys.readouterr().out
    assert "Dry run: would delete 1 unconfirmed signature(s) and 1 sent or failed mail(s)" in out
    assert Signature.objects.count() == 3

    call_command("purge_unconfirmed", "--days", "30")
    assert "Deleted 1 unconfirmed signature(s) and 1 sent" in capsys.readouterr().out
    assert list(OutgoingMail.objects.values_list("to", flat=True)) == ["q@example.org"]
    assert set(Signature.objects.values_list("email", flat=True)) == {
        "new@example.org",
        "kept@example.org",
    }
    assert counts(petition) == (1, {"KR": 1})


def test_the_petition_page_does_not_count_signatures(client, petition):
    # The page reads stored counts, so its cost does not grow with signatures.
    for n in range(30):
        make_signature(petition, email=f"s{n}@example.org", show_name=True)
    with CaptureQueriesContext(connection) as queries:
        client.get(petition.get_absolute_url())
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    assert len(queries.captured_queries) < 15
