"""Offices get a role from their title, and the role says what they can do."""

import pytest

from articles.models import Addressee
from campaign.demo import DEMO_OFFICIALS
from campaign.letters.office_roles import (
    ACTORS,
    ROLES,
    Path,
    Role,
    as_actor,
    as_role,
    guess_role,
    path,
)


def test_every_role_says_what_it_can_do_in_both_languages():
    assert set(ROLES) == set(Role)
    for info in ROLES.values():
        assert info.label and info.label_ko and info.can_do and info.can_do_ko


def test_actors_are_the_talking_point_addressees():
    assert set(ACTORS) == set(Addressee.values)


def test_every_demo_office_gets_the_role_it_has():
    roles = [guess_role(office["title"], office["organisation"]) for office in DEMO_OFFICIALS]
    assert roles == [
        Role.AMBASSADOR,
        Role.FOREIGN_MINISTER,
        Role.FOREIGN_MINISTER,
        Role.MINISTER,
        Role.LEGISLATURE,
        Role.UN_AGENCY,
        Role.UN_MANDATE,
    ]


@pytest.mark.parametrize(
    ("title", "organisation", "role"),
    [
        ("President", "Office of the President of the Republic of Korea", Role.HEAD_OF_GOVERNMENT),
        ("Prime Minister", "", Role.HEAD_OF_GOVERNMENT),  # not a minister
        ("Government of the Republic of Korea", "", Role.HEAD_OF_GOVERNMENT),
        ("Secretary of State", "U.S. Department of State", Role.FOREIGN_MINISTER),
        ("Foreign Secretary", "", Role.FOREIGN_MINISTER),
        ("Minister of Justice", "", Role.MINISTER),
        ("Spokesperson", "Ministry of Foreign Affairs of Japan", Role.FOREIGN_MINISTER),
        ("Director-General", "Ministry of Unification", Role.MINISTER),
        (
            "Permanent Representative of the Republic of Korea to the United Nations",
            "",
            Role.AMBASSADOR,
        ),  # an ambassador, though at the UN
        ("Consul General", "Consulate General of the PRC in Busan", Role.AMBASSADOR),
        ("Committee on Foreign Affairs", "U.S. House of Representatives", Role.LEGISLATURE),
        ("Member of Parliament", "", Role.LEGISLATURE),
        ("Committee against Torture", "United Nations", Role.UN_MANDATE),
        ("Commission of Inquiry on Human Rights in the DPRK", "", Role.UN_MANDATE),
        ("UN High Commissioner for Human Rights", "OHCHR", Role.UN_MANDATE),
        ("Executive Director", "UNICEF", Role.UN_AGENCY),
        ("Secretary-General", "United Nations", Role.INTERNATIONAL_ORGANISATION),
        ("President of the Human Rights Council", "", Role.INTERNATIONAL_ORGANISATION),
        ("High Representative", "European Union", Role.INTERNATIONAL_ORGANISATION),
        ("Director", "Citizens' Alliance for North Korean Human Rights", Role.OTHER),
        ("", "", Role.OTHER),
        # Korean titles
        ("대통령", "", Role.HEAD_OF_GOVERNMENT),
        ("국무총리", "", Role.HEAD_OF_GOVERNMENT),
        ("대한민국 정부", "", Role.HEAD_OF_GOVERNMENT),
        ("외교부 장관", "", Role.FOREIGN_MINISTER),
        ("통일부 장관", "", Role.MINISTER),
        ("법무부", "", Role.MINISTER),
        ("주한 중국 대사", "", Role.AMBASSADOR),
        ("국회 외교통일위원회", "", Role.LEGISLATURE),
        ("국회의원", "", Role.LEGISLATURE),
        ("유엔 북한인권 특별보고관", "", Role.UN_MANDATE),
        ("유엔난민기구 대표부", "", Role.UN_AGENCY),
        ("유엔 사무총장", "", Role.INTERNATIONAL_ORGANISATION),
    ],
)
def test_role_guessed_from_title_then_organisation(title, organisation, role):
    assert guess_role(title, organisation) == role


def test_the_title_wins_over_the_organisation():
    # A rapporteur's organisation is a council; a minister's is a ministry of something else.
    assert guess_role("Special Rapporteur", "Human Rights Council") == Role.UN_MANDATE
    assert guess_role("Ambassador", "Ministry of Foreign Affairs") == Role.AMBASSADOR


def test_unknown_stored_values_fall_back_to_other():
    assert as_role("") == Role.OTHER
    assert as_role("emperor") == Role.OTHER
    assert as_role("ambassador") == Role.AMBASSADOR
    assert as_actor("martians") == "other"
    assert as_actor("china") == "china"


@pytest.mark.parametrize("role", list(Role))
def test_how_an_ask_reaches_each_role(role):
    # An ambassador passes its own government's asks on; a parliament calls on it.
    through_government = role in (Role.AMBASSADOR, Role.LEGISLATURE)
    own = Path.OWN_GOVERNMENT if through_government else Path.DIRECT
    assert path("china", role, "china") == own
    assert path("china", role, "south_korea_government") == Path.THROUGH
    assert path("public", role, "china") == Path.NONE
    assert path("public", role, "public") == Path.NONE
