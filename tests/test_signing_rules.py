"""Pure rules: email normalisation, names, milestones, share links."""

import pytest
from django_countries import countries

from campaign.petition.models import Signature
from campaign.petition.rules import (
    milestones_between,
    name_problem,
    next_milestone,
    normalise_email,
    public_name,
)
from campaign.petition.sharing import COPIED, SERVICES, share_links, with_ref


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
        # A bar that starts nearly empty fills towards a hundred, then a thousand ...
        (0, 10_000, 100),
        (10, 10_000, 100),
        (99, 10_000, 100),
        (100, 10_000, 1_000),
        (1_000, 10_000, 10_000),
        (9_999, 10_000, 10_000),
        # ... and goes on by powers of ten once the goal is reached.
        (10_000, 10_000, 100_000),
        (60_000, 10_000, 100_000),
        (100_000, 10_000, 1_000_000),
        # A goal between two powers of ten is a milestone of its own.
        (1_500, 25_000, 10_000),
        (10_000, 25_000, 25_000),
        (25_000, 25_000, 100_000),
        # A goal under a hundred comes first.
        (0, 50, 50),
        (3, 2, 100),
        (0, 0, 100),
    ],
)
def test_the_next_milestone_is_the_next_power_of_ten_or_the_goal(count, goal, milestone):
    assert next_milestone(count, goal) == milestone


@pytest.mark.parametrize(
    ("before", "after", "goal", "passed"),
    [
        (99, 100, 10_000, [100]),
        (100, 101, 10_000, []),
        (0, 99, 10_000, []),
        (999, 1_000, 10_000, [1_000]),
        (9_999, 10_000, 10_000, [10_000]),
        # A bulk change can pass several at once: each is marked.
        (50, 2_000, 1_500, [100, 1_000, 1_500]),
        (24_999, 25_000, 25_000, [25_000]),
    ],
)
def test_milestones_passed_are_those_above_the_old_count_up_to_the_new(before, after, goal,
                                                                       passed):
    assert milestones_between(before, after, goal) == passed


def test_the_bar_always_fills_towards_a_milestone_the_count_has_not_passed():
    for goal in (0, 2, 50, 100, 10_000, 25_000):
        for count in range(0, 30_000, 37):
            milestone = next_milestone(count, goal)
            assert milestone > count
            assert milestones_between(count, milestone, goal) == [milestone]


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
    assert links["facebook"].endswith(
        "u=https%3A%2F%2Fexample.org%2Fpetitions%2Fx%2F%3Fref%3Dfacebook"
    )


def test_each_share_link_names_where_it_was_posted():
    links = share_links("https://example.org/petitions/x/", "Sign")
    for service, href in links.items():
        assert f"ref%3D{service}" in href or f"ref={service}" in href, service
    # The names are the values a signature may record, and no others.
    assert set(SERVICES) | set(COPIED) == set(Signature.Ref.values)


def test_a_ref_replaces_any_ref_already_in_the_address():
    assert with_ref("https://example.org/p/?ref=x&a=1", "qr") == "https://example.org/p/?a=1&ref=qr"
    assert with_ref("https://example.org/p/", "link") == "https://example.org/p/?ref=link"


def test_the_country_list_has_unique_iso_codes():
    codes = [code for code, _name in countries]
    assert len(codes) == len(set(codes)) > 240
    assert all(len(code) == 2 and code.isupper() for code in codes)
    assert {"KR", "KP", "CN", "US", "JP"} <= set(codes)
