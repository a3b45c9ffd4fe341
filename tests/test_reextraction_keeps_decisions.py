"""Re-extraction never undoes an editor's decision: a point added by hand, a corrected
addressee and a rejection all survive it, and so does the extractor's record."""

import pytest

from articles.extractor_record import Record, briefing_record
from articles.missed_calls import add_missed_call, uncited_sentences
from articles.models import Citation, TalkingPoint
from articles.talking_points import refresh_talking_points

pytestmark = pytest.mark.django_db

FOUND = "China should stop sending defectors back."
MISSED = "Seoul would do well to take in every one of them."
NOISE = "Subscribe to our newsletter today."
BODY = f"Defectors are arrested every week. {FOUND}\n\n{MISSED}\n\n{NOISE}"

CALLS = {
    FOUND: ("china", "stop sending defectors back", 0.9),
    NOISE: ("public", "subscribe to our newsletter today", 0.4),
}


@pytest.fixture
def extract(fake_extractor):
    return fake_extractor(CALLS)


@pytest.fixture
def briefing(briefing_factory, extract):
    briefing = briefing_factory(body=BODY)
    refresh_talking_points(briefing, extract=extract)
    return briefing


def add_missed(briefing, text, addressee):
    start, end, sentence = next(s for s in uncited_sentences(briefing) if s[2] == text)
    return add_missed_call(briefing.pk, start, end, sentence, addressee)


def test_a_point_added_by_hand_survives_re_extraction_and_moving_text(briefing, extract):
    added = add_missed(briefing, MISSED, "south_korea_government")
    briefing.body = "A new first paragraph.\n\n" + briefing.body
    briefing.save()

    result = refresh_talking_points(briefing, extract=extract)

    assert result.moved_citations == 3 and result.new_citations == 0
    citation = added.citations.get()
    assert briefing.body[citation.start : citation.end] == MISSED
    assert citation.added_by_editor


def test_a_point_added_by_hand_stays_when_its_sentence_is_deleted(briefing, extract):
    added = add_missed(briefing, MISSED, "south_korea_government")
    briefing.body = briefing.body.replace(MISSED, "")
    briefing.save()

    result = refresh_talking_points(briefing, extract=extract)

    assert result.removed_citations == 1 and result.deleted_points == 0
    assert TalkingPoint.objects.filter(pk=added.pk).exists()


def test_a_sentence_added_by_hand_is_not_suggested_again_when_the_extractor_learns_it(
    briefing, fake_extractor
):
    added = add_missed(briefing, MISSED, "south_korea_government")
    learned = fake_extractor({**CALLS, MISSED: ("other", "take in every one of them", 0.8)})

    result = refresh_talking_points(briefing, extract=learned)

    assert result.created_points == [] and result.new_citations == 0
    assert Citation.objects.get(sentence=MISSED).talking_point == added
    assert added.citations.get().added_by_editor  # still counted as a miss


def test_a_corrected_addressee_survives_re_extraction(briefing, extract):
    point = TalkingPoint.objects.get(addressee="china")
    point.addressee, point.addressee_edited = "north_korea", True
    point.save()

    refresh_talking_points(briefing, extract=extract)

    point.refresh_from_db()
    assert point.addressee == "north_korea"
    assert point.citations.get().extracted_addressee == "china"
    # The sentence is not offered again under the extractor's addressee.
    assert not TalkingPoint.objects.filter(addressee="china").exists()


def test_a_corrected_point_is_kept_when_its_sentence_is_reworded(briefing, extract):
    point = TalkingPoint.objects.get(addressee="china")
    point.addressee, point.addressee_edited = "north_korea", True
    point.save()
    briefing.body = briefing.body.replace(FOUND, "China must stop returning defectors.")
    briefing.save()

    refresh_talking_points(briefing, extract=extract)

    # Not deleted with its last citation, as an untouched suggestion would be.
    assert TalkingPoint.objects.filter(pk=point.pk, addressee="north_korea").exists()


def test_a_rejected_suggestion_is_not_suggested_again(briefing, fake_extractor):
    noise = TalkingPoint.objects.get(addressee="public")
    noise.status = TalkingPoint.Status.REJECTED
    noise.save()
    # A later extractor reads the same sentence differently: still no new suggestion.
    other_reading = fake_extractor({**CALLS, NOISE: ("other", "subscribe today", 0.95)})

    result = refresh_talking_points(briefing, extract=other_reading)

    assert result.created_points == [] and result.new_citations == 0
    assert Citation.objects.get(sentence=NOISE).talking_point == noise


def test_a_rejected_suggestion_stays_rejected_when_its_sentence_comes_back(briefing, extract):
    noise = TalkingPoint.objects.get(addressee="public")
    noise.status = TalkingPoint.Status.REJECTED
    noise.save()
    briefing.body = BODY.replace(NOISE, "")
    briefing.save()
    refresh_talking_points(briefing, extract=extract)
    briefing.body = BODY
    briefing.save()

    refresh_talking_points(briefing, extract=extract)

    assert Citation.objects.get(sentence=NOISE).talking_point == noise
    assert not TalkingPoint.objects.filter(status="suggested", addressee="public").exists()


def test_the_record_is_the_same_after_re_extraction(briefing, extract):
    found = TalkingPoint.objects.get(addressee="china")
    found.status, found.addressee, found.addressee_edited = "approved", "north_korea", True
    found.save()
    noise = TalkingPoint.objects.get(addressee="public")
    noise.status = "rejected"
    noise.save()
    add_missed(briefing, MISSED, "south_korea_government")
    before = briefing_record(briefing)
    assert before == Record(wrong_addressee=1, wrong=1, missed=1)

    refresh_talking_points(briefing, extract=extract)

    assert briefing_record(briefing) == before


def test_an_untouched_suggestion_still_goes_with_its_sentence(briefing, extract):
    briefing.body = BODY.replace(NOISE, "")
    briefing.save()
    result = refresh_talking_points(briefing, extract=extract)
    assert result.deleted_points == 1
    assert not TalkingPoint.objects.filter(addressee="public").exists()
