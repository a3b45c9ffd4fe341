"""Editors see how the extractor came to each suggestion: by its rules, or by its learned
reader alone, or with its two readers disagreeing on whom it asks."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.extraction import learned
from articles.models import Citation, TalkingPoint
from articles.talking_points import refresh_talking_points
from tests.extraction_helpers import sure_of

pytestmark = pytest.mark.django_db

RULES = "We urge the Chinese authorities to release the nine women held in Tumen."
LEARNED_ONLY = "We would gladly see the Tumen camp opened to inspectors."
CHANGELIST = reverse("admin:articles_talkingpoint_changelist")


@pytest.fixture
def refreshed(briefing_factory, monkeypatch):
    def refresh(word, addressee="china", sure=0.99):
        monkeypatch.setattr(learned, "models", lambda: sure_of(word, addressee, sure))
        briefing = briefing_factory(body=f"The camps are full.\n\n{RULES}\n\n{LEARNED_ONLY}")
        refresh_talking_points(briefing)
        return {c.sentence: c for c in Citation.objects.filter(briefing=briefing)}

    return refresh


def test_each_citation_records_whether_the_rules_or_only_the_learned_reader_found_it(refreshed):
    citations = refreshed("gladly")
    assert citations[RULES].extractor_reading == Citation.Reading.RULES
    assert citations[LEARNED_ONLY].extractor_reading == Citation.Reading.LEARNED
    assert citations[LEARNED_ONLY].talking_point.score < 0.85


def test_a_disputed_addressee_is_recorded_for_the_editor(refreshed):
    citations = refreshed("nothing-matches", addressee="public", sure=0.9)
    assert citations[RULES].extractor_reading == Citation.Reading.DISPUTED
    assert LEARNED_ONLY not in citations


def test_the_admin_shows_and_filters_by_how_a_point_was_found(client, refreshed):
    citations = refreshed("gladly")
    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "pw"))
    point = citations[LEARNED_ONLY].talking_point
    page = client.get(reverse("admin:articles_talkingpoint_change", args=[point.pk]))
    assert "only by its learned reader: read the sentence before approving" in page.content.decode()

    def listed(reading):
        page = client.get(CHANGELIST, {"citations__extractor_reading__exact": reading})
        return {p.pk for p in page.context["cl"].result_list}

    rules_point = TalkingPoint.objects.get(citations__sentence=RULES)
    assert listed("learned") == {point.pk}
    assert listed("rules") == {rules_point.pk}
