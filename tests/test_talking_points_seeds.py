"""The shipped editorials, imported with the real extractor, give sound talking points."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Briefing, Citation, TalkingPoint
from articles.talking_points import refresh_talking_points

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported():
    from campaign.demo import import_editorials

    results = import_editorials()
    assert all(result.ok for result in results)
    return {b.source_file[:3]: b for b in Briefing.objects.all()}


def test_every_citation_points_at_its_sentence_in_the_body(imported):
    assert Citation.objects.count() >= 10
    for citation in Citation.objects.select_related("briefing"):
        assert citation.briefing.body[citation.start : citation.end] == citation.sentence


def test_the_seeds_call_on_china_and_on_seoul(imported):
    china = TalkingPoint.objects.filter(addressee="china")
    assert china.filter(citations__briefing=imported["000"]).exists()
    assert china.filter(citations__briefing=imported["001"]).exists()
    assert TalkingPoint.objects.filter(addressee="south_korea_government").exists()


def test_importing_again_changes_no_talking_point(imported):
    before = sorted(Citation.objects.values_list("pk", "talking_point", "start", "end"))
    call_command("import_briefings", "articles/editorials", stdout=StringIO())
    for briefing in imported.values():
        result = refresh_talking_points(briefing)
        assert result.new_citations == result.removed_citations == 0
    assert sorted(Citation.objects.values_list("pk", "talking_point", "start", "end")) == before


def test_the_demand_to_stop_repatriations_is_one_point_citing_000_and_001(imported):
    points = TalkingPoint.objects.filter(addressee="china", citations__briefing=imported["000"])
    assert points.filter(citations__briefing=imported["001"]).exists()
