"""Refreshing a briefing's talking points: merging, duplicates, and editors' decisions."""

import pytest

from articles.models import Citation, TalkingPoint
from articles.talking_points import refresh_talking_points

pytestmark = pytest.mark.django_db

END = "China should put an end to the forced repatriation of defectors."
NOT_BACK = "China should not send them back if they fled for political reasons."
SEOUL = "Our government must find ways to improve the defectors' lives in China."

CALLS = {
    END: ("china", "put an end to the forced repatriation of defectors", 0.9),
    NOT_BACK: ("china", "not send them back if they fled for political reasons", 0.8),
    SEOUL: ("south_korea_government", "find ways to improve the defectors' lives", 0.6),
}


@pytest.fixture
def extract(fake_extractor):
    return fake_extractor(CALLS)


FIRST_BODY = f"""## What China does

China arrests defectors. {END}

- {SEOUL}
- Another item."""

SECOND_BODY = f"""Defectors are sent back every year.

{NOT_BACK} They face prison camps."""


def cited(point):
    return sorted((c.briefing.slug, c.sentence) for c in point.citations.all())


def test_each_call_becomes_a_suggested_point_citing_its_exact_sentence(briefing_factory, extract):
    briefing = briefing_factory(body=FIRST_BODY)
    result = refresh_talking_points(briefing, extract=extract)

    assert len(result.created_points) == 2
    china = TalkingPoint.objects.get(addressee="china")
    assert china.ask == "Put an end to the forced repatriation of defectors"
    assert china.status == TalkingPoint.Status.SUGGESTED
    assert china.score == 0.9
    citation = china.citations.get()
    assert briefing.body[citation.start : citation.end] == END == citation.sentence
    # A list item's sentence is found although the body carries the "- " marker.
    seoul = Citation.objects.get(talking_point__addressee="south_korea_government")
    assert briefing.body[seoul.start : seoul.end] == SEOUL


def test_the_same_call_in_two_briefings_is_one_point_citing_both(briefing_factory, extract):
    first = briefing_factory(body=FIRST_BODY, slug="first")
    second = briefing_factory(body=SECOND_BODY, slug="second")
    refresh_talking_points(first, extract=extract)
    result = refresh_talking_points(second, extract=extract)

    assert result.created_points == []
    assert result.merged_citations == 1
    china = TalkingPoint.objects.get(addressee="china")
    assert cited(china) == [("first", END), ("second", NOT_BACK)]
    assert TalkingPoint.objects.count() == 2


def test_a_repeated_paragraph_is_cited_once(briefing_factory, extract):
    briefing = briefing_factory(body=f"{END}\n\nSomething else.\n\n{END}")
    refresh_talking_points(briefing, extract=extract)
    assert Citation.objects.count() == 1
    assert Citation.objects.get().start == 0


def test_running_again_changes_nothing(briefing_factory, extract):
    briefing = briefing_factory(body=FIRST_BODY)
    refresh_talking_points(briefing, extract=extract)
    before = list(Citation.objects.values_list("pk", "talking_point", "start", "end"))
    result = refresh_talking_points(briefing, extract=extract)
    assert result.new_citations == result.removed_citations == result.moved_citations == 0
    assert list(Citation.objects.values_list("pk", "talking_point", "start", "end")) == before


def test_running_again_keeps_editors_decisions_and_edits(briefing_factory, extract):
    briefing = briefing_factory(body=FIRST_BODY)
    refresh_talking_points(briefing, extract=extract)
    china = TalkingPoint.objects.get(addressee="china")
    china.ask, china.ask_edited, china.status = "Stop sending defectors back", True, "approved"
    china.save()
    TalkingPoint.objects.filter(addressee="south_korea_government").update(status="rejected")

    refresh_talking_points(briefing, extract=extract)

    china.refresh_from_db()
    assert (china.ask, china.status) == ("Stop sending defectors back", "approved")
    seoul = TalkingPoint.objects.get(addressee="south_korea_government")
    assert seoul.status == "rejected"
    assert TalkingPoint.objects.count() == 2


def test_a_new_briefing_joins_a_point_whose_ask_an_editor_rewrote(briefing_factory, extract):
    first = briefing_factory(body=FIRST_BODY, slug="first")
    refresh_talking_points(first, extract=extract)
    TalkingPoint.objects.filter(addressee="china").update(
        ask="Let refugees reach safety", ask_edited=True
    )
    refresh_talking_points(briefing_factory(body=SECOND_BODY, slug="second"), extract=extract)
    assert TalkingPoint.objects.filter(addressee="china").count() == 1


def test_citations_follow_their_sentence_when_the_body_moves(briefing_factory, extract):
    briefing = briefing_factory(body=FIRST_BODY)
    refresh_talking_points(briefing, extract=extract)
    briefing.body = "A new first paragraph, added later.\n\n" + FIRST_BODY.replace(
        "China arrests defectors. ", "China arrests\ndefectors.\n"
    )
    briefing.save()

    result = refresh_talking_points(briefing, extract=extract)

    assert result.moved_citations == 2
    assert result.new_citations == 0
    for citation in Citation.objects.all():
        assert briefing.body[citation.start : citation.end] == citation.sentence


def test_citations_that_trade_places_do_not_trip_the_unique_constraint(briefing_factory, extract):
    body = "Filler one.\n\n" + END + "\n\n" + SEOUL
    briefing = briefing_factory(body=body)
    refresh_talking_points(briefing, extract=extract)
    # Insert exactly as much text as the first cited sentence is long plus its
    # separator, so the first citation moves to where the second one was.
    briefing.body = "x" * (len(END) + 1) + "\n" + body
    briefing.save()
    refresh_talking_points(briefing, extract=extract)
    for citation in Citation.objects.all():
        assert briefing.body[citation.start : citation.end] == citation.sentence


def test_a_deleted_sentence_loses_its_citation_and_an_unreviewed_point(briefing_factory, extract):
    briefing = briefing_factory(body=FIRST_BODY)
    refresh_talking_points(briefing, extract=extract)
    briefing.body = FIRST_BODY.replace(SEOUL, "A plain list item.")
    briefing.save()

    result = refresh_talking_points(briefing, extract=extract)

    assert result.removed_citations == 1
    assert result.deleted_points == 1
    assert not TalkingPoint.objects.filter(addressee="south_korea_government").exists()


def test_an_approved_point_stays_when_its_last_sentence_is_deleted(briefing_factory, extract):
    briefing = briefing_factory(body=FIRST_BODY)
    refresh_talking_points(briefing, extract=extract)
    TalkingPoint.objects.update(status="approved")
    briefing.body = "Nothing to cite any more."
    briefing.save()

    refresh_talking_points(briefing, extract=extract)

    assert Citation.objects.count() == 0
    assert TalkingPoint.objects.approved().count() == 2


def test_a_point_cited_elsewhere_survives_losing_one_citation(briefing_factory, extract):
    first = briefing_factory(body=FIRST_BODY, slug="first")
    second = briefing_factory(body=SECOND_BODY, slug="second")
    refresh_talking_points(first, extract=extract)
    refresh_talking_points(second, extract=extract)
    second.body = "Rewritten without the demand."
    second.save()
    refresh_talking_points(second, extract=extract)
    assert cited(TalkingPoint.objects.get(addressee="china")) == [("first", END)]


def test_a_sentence_the_extractor_no_longer_flags_keeps_its_citation(
    briefing_factory, fake_extractor, extract
):
    briefing = briefing_factory(body=FIRST_BODY)
    refresh_talking_points(briefing, extract=extract)
    refresh_talking_points(briefing, extract=fake_extractor({}))
    assert Citation.objects.count() == 2


def test_odd_extractor_output_is_kept_in_bounds(briefing_factory, fake_extractor):
    briefing = briefing_factory(body=END)
    calls = fake_extractor({END: ("readers", "act", 0.5)})(END)
    stray = type(calls[0])("x", 5, 5000, "china", "stray", 0.9)
    refresh_talking_points(briefing, extract=lambda text: [*calls, stray])
    point = TalkingPoint.objects.get()
    assert (point.addressee, point.ask) == ("other", "Act")
