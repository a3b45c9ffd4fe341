"""The extractor's record: editors' decisions counted as right, wrong, missed or wrongly
addressed, and the figures drawn from them, per briefing and overall."""

import pytest
from django.urls import reverse

from articles.extractor_record import (
    MISSED,
    RIGHT,
    WAITING,
    WRONG,
    WRONG_ADDRESSEE,
    Record,
    extractor_record,
    tally,
    verdict,
)
from articles.models import Citation, TalkingPoint

RECORD_PAGE = reverse("admin:articles_talkingpoint_record")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ((False, "china", "approved", "china"), RIGHT),
        ((False, "china", "approved", "north_korea"), WRONG_ADDRESSEE),
        ((False, "china", "rejected", "china"), WRONG),
        # A rejected call is wrong whoever it was addressed to.
        ((False, "china", "rejected", "north_korea"), WRONG),
        ((False, "china", "suggested", "north_korea"), WAITING),
        ((True, "", "suggested", "public"), MISSED),
        ((True, "", "approved", "public"), MISSED),
        # An editor who adds a sentence and rejects it later takes the miss back.
        ((True, "", "rejected", "public"), None),
        # No choice on record (a citation made before choices were kept): as chosen.
        ((False, "", "approved", "china"), RIGHT),
    ],
)
def test_each_decision_says_one_thing_about_the_extractor(row, expected):
    assert verdict(*row) == expected


def test_figures_follow_the_usual_definitions():
    # 6 approved (1 of them re-addressed), 2 rejected, 2 added by hand, 3 unreviewed.
    record = Record(right=5, wrong_addressee=1, wrong=2, missed=2, waiting=3)
    assert record.found == 6
    assert record.precision == pytest.approx(6 / 8)
    assert record.recall == pytest.approx(6 / 8)
    assert record.f1 == pytest.approx(0.75)
    assert record.addressee_accuracy == pytest.approx(5 / 6)
    assert record.figures == (record.precision, record.recall, record.f1, 5 / 6)


def test_f1_is_the_harmonic_mean_not_the_average():
    record = Record(right=1, wrong=0, missed=3)
    assert record.precision == 1.0 and record.recall == 0.25
    assert record.f1 == pytest.approx(0.4)


def test_figures_are_unknown_until_there_is_something_to_divide():
    assert Record().figures == (None, None, None, None)
    assert Record(waiting=4).figures == (None, None, None, None)
    # Only rejections: precision is known (zero), recall and addressees are not.
    only_wrong = Record(wrong=3)
    assert only_wrong.precision == 0.0
    assert (only_wrong.recall, only_wrong.f1, only_wrong.addressee_accuracy) == (None,) * 3
    # Only misses: recall is zero, precision unknown.
    only_missed = Record(missed=2)
    assert (only_missed.precision, only_missed.recall) == (None, 0.0)


def test_tally_counts_rows_and_records_add_up():
    rows = [
        (False, "china", "approved", "china"),
        (False, "china", "approved", "public"),
        (False, "public", "rejected", "public"),
        (True, "", "approved", "china"),
        (True, "", "rejected", "china"),
        (False, "china", "suggested", "china"),
    ]
    record = tally(rows)
    assert record == Record(right=1, wrong_addressee=1, wrong=1, missed=1, waiting=1)
    assert record + Record(right=2, missed=1) == Record(
        right=3, wrong_addressee=1, wrong=1, missed=2, waiting=1
    )


def cite(point, briefing, start, *, extracted="", by_editor=False):
    return Citation.objects.create(
        talking_point=point,
        briefing=briefing,
        sentence="x",
        start=start,
        end=start + 1,
        extracted_addressee=extracted,
        added_by_editor=by_editor,
    )


@pytest.fixture
def decisions(briefing_factory):
    """Two briefings with every kind of decision; one point cited in both."""
    first = briefing_factory(slug="first", title="First briefing", position=1)
    second = briefing_factory(slug="second", title="Second briefing", position=2)
    briefing_factory(slug="third", title="Untouched briefing", position=3)
    shared = TalkingPoint.objects.create(ask="Stop", addressee="china", status="approved")
    cite(shared, first, 0, extracted="china")
    cite(shared, second, 0, extracted="china")
    moved = TalkingPoint.objects.create(
        ask="Press", addressee="south_korea_government", status="approved", addressee_edited=True
    )
    cite(moved, first, 10, extracted="china")
    rejected = TalkingPoint.objects.create(ask="Subscribe", addressee="public", status="rejected")
    cite(rejected, second, 10, extracted="public")
    added = TalkingPoint.objects.create(ask="Help", addressee="public", added_by_editor=True)
    cite(added, second, 20, by_editor=True)
    waiting = TalkingPoint.objects.create(ask="Maybe", addressee="other")
    cite(waiting, first, 20, extracted="other")
    return first, second


def test_the_record_is_read_per_briefing_from_the_database(decisions):
    first, second = decisions
    per_briefing, overall = extractor_record()
    records = {briefing.slug: record for briefing, record in per_briefing}
    assert [briefing.slug for briefing, _record in per_briefing] == ["first", "second", "third"]
    assert records["first"] == Record(right=1, wrong_addressee=1, waiting=1)
    assert records["second"] == Record(right=1, wrong=1, missed=1)
    assert records["third"] == Record()
    assert overall == Record(right=2, wrong_addressee=1, wrong=1, missed=1, waiting=1)
    assert overall.precision == pytest.approx(3 / 4)
    assert overall.recall == pytest.approx(3 / 4)
    assert overall.addressee_accuracy == pytest.approx(2 / 3)


def test_the_record_page_shows_each_briefing_and_the_total(editor, client, decisions):
    page = client.get(RECORD_PAGE).content.decode()
    assert "<h1>The extractor" in page
    assert "First briefing" in page and "Untouched briefing" in page
    assert '<th scope="row">All briefings</th>' in page
    # Overall: precision 3/4, recall 3/4, F1 3/4, addressee accuracy 2/3.
    assert page.count("<td>75%</td>") >= 3
    assert "<td>67%</td>" in page
    # A briefing nobody has decided on has no figures yet.
    assert "not known yet" in page


def test_the_record_is_linked_from_both_lists(editor, client):
    for model in ("talkingpoint", "briefing"):
        page = client.get(reverse(f"admin:articles_{model}_changelist")).content.decode()
        assert f'href="{RECORD_PAGE}"' in page


def test_a_briefings_page_shows_its_own_record(editor, client, decisions):
    first, _second = decisions
    page = client.get(reverse("admin:articles_briefing_change", args=[first.pk])).content.decode()
    assert "record on this briefing</caption>" in page
    # First briefing: 2 found (1 wrongly addressed), nothing rejected or missed.
    assert "<td>100%</td>" in page and "<td>50%</td>" in page


def test_moderators_do_not_see_the_record(moderator, client):
    assert client.get(RECORD_PAGE).status_code == 403
