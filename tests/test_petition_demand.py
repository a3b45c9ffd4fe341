"""The petition's demand: a talking point editors choose, offered in every letter."""

import pytest

from campaign import demo
from campaign.letters.services import petition_demand
from tests.factories import make_petition, make_point

pytestmark = pytest.mark.django_db


def test_the_demand_is_the_current_petition_s_approved_point():
    assert petition_demand() is None
    point = make_point("Stop the returns", ask_ko="북송을 중단해 주십시오")
    make_petition(demand=point)  # not the current petition
    assert petition_demand() is None
    make_petition(is_current=True, demand=point)
    assert petition_demand() == point
    point.status = "rejected"
    point.save()
    assert petition_demand() is None


def test_the_admin_offers_only_approved_points_as_the_demand(admin_client):
    make_point("Stop the returns")
    make_point("Still a suggestion", status="suggested")
    petition = make_petition()
    html = admin_client.get(f"/admin/campaign/petition/{petition.pk}/change/").content.decode()
    assert 'name="demand"' in html
    assert "Stop the returns" in html and "Still a suggestion" not in html
    assert "Every letter to an office offers it" in html


def test_the_demo_petition_gets_its_demand_in_english_and_korean_once():
    first = demo.create_demo_petition()
    again = demo.create_demo_petition()
    assert first.demand == again.demand
    assert first.demand.ask.startswith("Stop the forced repatriation")
    assert first.demand.ask_ko.endswith("주십시오")
    assert first.demand.addressee == "china" and first.demand.status == "approved"
