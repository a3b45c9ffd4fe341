"""Every demo office x every approved demo point: no letter hands an office another
actor's "your ..." or imperative, and every letter the wizard lets through asks something."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from campaign.letters import compose, services
from campaign.letters.forms import PointsForm
from campaign.models import Official

pytestmark = pytest.mark.django_db

ABOUT = {"name": "Alice Kim", "city": "Toronto", "country": "Canada", "personal": ""}
KOREAN_ABOUT = {"name": "김민수", "city": "서울", "country": "", "personal": ""}


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())
    points = list(services.approved_points())
    assert len(points) >= 8 and Official.objects.count() == 7
    return list(Official.objects.all()), points


def _lower_first(text):
    return text[:1].lower() + text[1:]


def handed_over(letter_text, ask):
    """The parts of an English ask addressed to someone else that a letter must not give
    its reader as if they were his: "your <noun>" and the imperative after "you"."""
    found = []
    for match in re.finditer(r"\byour\s+([\w’'-]+)", ask, re.IGNORECASE):
        if re.search(rf"\byour\s+{re.escape(match.group(1))}\b", letter_text, re.IGNORECASE):
            found.append(match.group())
    opening = " ".join(_lower_first(ask).split()[:3])
    to_you = rf"\byou(?:\s+would)?(?:\s+not)?(?:\s+to)?\s+{re.escape(opening)}"
    if re.search(to_you, letter_text, re.IGNORECASE):
        found.append(opening)
    return found


def test_no_letter_hands_an_office_another_actor_s_ask(demo):
    officials, points = demo
    demand = services.petition_demand()
    assert demand is not None
    checked = 0
    for official in officials:
        office = services.official_info(official)
        for point in points:
            info = services.point_info(point, demand)
            for language, about in (("en", ABOUT), ("ko", KOREAN_ABOUT)):
                if language == "ko" and not point.ask_ko:
                    continue
                letter = compose.compose_letter(
                    office, [info], compose.Sender(**about), language
                )
                usable = compose.ask_for(office, info, language) is not None
                assert letter.has_ask == usable, (official, point)
                if not usable or compose.is_own(office, info, language):
                    continue
                checked += 1
                if language == "en":
                    assert handed_over(letter.text, point.ask) == [], (official, letter.text)
                else:
                    assert "귀국" not in letter.text, (official, letter.text)
                    assert point.ask_ko.rstrip(".") not in letter.text, (official, letter.text)
    # Most pairs are of an office and another actor's point: the sweep saw them.
    assert checked > 40


def test_every_demo_office_gets_a_letter_with_an_ask_from_the_points_offered(demo):
    officials, _points = demo
    for official in officials:
        suggested = services.suggested_points([official])
        letter, rendering = services.compose_for(official, suggested, ABOUT)
        assert letter.has_ask, official
        assert rendering is None or rendering.has_ask
        assert services.offices_without_ask([official], suggested) == []
    # All seven at once: each letter still asks something.
    suggested = services.suggested_points(officials)
    assert services.offices_without_ask(officials, suggested) == []


def test_the_demand_is_offered_first_to_every_demo_office(demo):
    officials, _points = demo
    demand = services.petition_demand()
    for official in officials:
        own, _others = services.points_to_offer([official])
        assert own[0].point == demand
        assert own[0].wordings[0].shown is not None


def test_no_demo_office_can_finish_a_letter_with_only_a_point_it_cannot_act_on(demo):
    officials, points = demo
    public = [point for point in points if point.addressee == "public"]
    assert public
    for official in officials:
        form = PointsForm(
            {"points": [str(public[0].pk)]},
            without_ask=lambda chosen, o=official: services.offices_without_ask([o], chosen),
        )
        assert not form.is_valid()
        assert "A letter must ask something the office can do" in str(form.errors)


def test_korean_letters_use_the_korean_title_of_a_briefing(demo):
    officials, points = demo
    unification = next(o for o in officials if o.title == "Minister of Unification")
    cited = [point for point in points if point.ask_ko and point.citations.all()]
    titles = {}
    for point in cited:
        for citation in point.citations.all():
            titles[citation.briefing.title] = f"사설 {citation.briefing.pk}호"
            # Where Korean titles are kept, the briefing has a title_ko.
            citation.briefing.title_ko = titles[citation.briefing.title]
    office = services.official_info(unification)
    infos = compose.usable_points(office, [services.point_info(point) for point in cited])
    lines = 0
    for n in range(12):
        sender = compose.Sender(name=f"김민수{n}")
        letter = compose.compose_letter(office, infos, sender)
        for english in titles:
            assert english not in letter.text
        if letter.sources_line:
            lines += 1
            used = {info.source.title_ko for info in infos if info.source}
            assert used and all(f"「{korean}」" in letter.sources_line for korean in used)
    assert lines


# What the press calls the demo's offices, besides the titles and organisations they
# are filed under.
DESCRIPTIONS = {
    "UN High Commissioner for Refugees": ("UN refugee agency", "UNHCR", "유엔난민기구", "난민기구"),
}


def test_no_demo_letter_speaks_of_its_own_reader_in_the_third_person(demo):
    officials, points = demo
    demand = services.petition_demand()
    infos = [services.point_info(point, demand) for point in points]
    sender = compose.Sender(**ABOUT)
    for official in officials:
        office = services.official_info(official)
        names = {official.title_en, official.organisation_en, official.title_ko,
                 official.organisation_ko, *DESCRIPTIONS.get(official.title_en, ())}  # fmt: skip
        names.discard(None)
        for language in ("en", "ko"):
            letter = compose.compose_letter(office, infos, sender, language)
            for ask in letter.asks:
                for name in names:
                    assert name.casefold() not in ask.casefold(), (official, ask)
