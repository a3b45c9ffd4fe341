"""Pure rules: email normalisation, names, milestones, share links."""

import pytest
from django_countries import countries

from campaign.petition.rules import name_problem, next_milestone, normalise_email, public_name
from campaign.petition.sharing import share_links


@pytest.mark.parametrize(
    ("address", "normalised"),
    [
        ("  Mina@Example.ORG ", "mina@example.org"),
        ("mina+petition@example.org", "mina@example.org"),
        ("m.i.n.a@gmail.com", "mina@gmail.com"),
        ("M.Ina+x@GoogleMail.com", "mina@gmail.com"),
        ("jane.kim@example.org", "jane.kim@example.org"),
    ],
)
def test_addresses_are_normalised_to_recognise_the_same_person(address, normalised):
    assert normalise_email(address) == normalised


@pytest.mark.parametrize(
    ("count", "goal", "milestone"),
    [
        (0, 10_000, 10_000),
        (9_999, 10_000, 10_000),
        (10_000, 10_000, 25_000),
        (24_999, 10_000, 25_000),
        (25_000, 10_000, 50_000),
        (60_000, 10_000, 100_000),
        (100_000, 10_000, 250_000),
        (12_000, 12_000, 25_000),
        (3, 2, 5),
    ],
)
def test_the_next_milestone_is_the_goal_then_the_next_rung(count, goal, milestone):
    assert next_milestone(count, goal) == milestone


@pytest.mark.parametrize(
    ("name", "shown"),
    [("Anna Maria Berg", "Anna B."), ("Anna", "Anna"), ("김민준", "김**"), ("  ", "")],
)
def test_public_names_are_a_first_name_and_an_initial(name, shown):
    assert public_name(name) == shown


@pytest.mark.parametrize("name", ["Mina Park", "김민준", "O'Brien-Smith", "Kim / Lee"])
def test_ordinary_names_are_accepted(name):
    assert name_problem(name) is None


def test_share_links_are_plain_urls_with_the_address_encoded():
    links = share_links("https://example.org/petitions/x/", "Stop & think")
    assert set(links) == {"email", "x", "facebook", "whatsapp", "telegram", "line"}
    assert "kakao" not in " ".join(links.values())
    assert "Stop+%26+think" in links["x"]
    assert links["facebook"].endswith("u=https%3A%2F%2Fexample.org%2Fpetitions%2Fx%2F")


def test_the_country_list_has_unique_iso_codes():
    codes = [code for code, _name in countries]
    assert len(codes) == len(set(codes)) > 240
    assert all(len(code) == 2 and code.isupper() for code in codes)
    assert {"KR", "KP", "CN", "US", "JP"} <= set(codes)
