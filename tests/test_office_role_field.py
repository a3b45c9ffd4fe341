"""Each office has an explicit role: guessed for existing and new rows, set by editors."""

import importlib

import pytest
from django.apps import apps

from campaign.demo import create_demo_officials
from campaign.letters.models import OfficeRole
from campaign.letters.office_roles import ROLES, Role
from campaign.models import Official
from tests.factories import make_official

pytestmark = pytest.mark.django_db


def test_the_role_choices_are_the_roles_reframing_knows():
    assert set(OfficeRole.values) == {role.value for role in Role}
    for role in Role:
        assert OfficeRole(role.value).label == ROLES[role].label


def test_an_office_saved_without_a_role_gets_the_one_its_title_suggests():
    assert make_official("UN Special Rapporteur on the DPRK", organisation="OHCHR").role == (
        "un_mandate"
    )
    assert make_official("Minister of Unification", organisation="MOU").role == "minister"


def test_a_role_an_editor_chose_is_kept():
    official = make_official("Minister of Unification", organisation="MOU", role="other")
    official.title = "Minister of Foreign Affairs"
    official.save()
    official.refresh_from_db()
    assert official.role == "other"


def test_the_data_migration_fills_the_role_of_existing_offices():
    make_official("Ambassador of China", organisation="Embassy")
    make_official("UN High Commissioner for Refugees", organisation="UNHCR")
    Official.objects.update(role="")
    migration = importlib.import_module("campaign.migrations.0008_official_role")
    migration.guess_roles(apps, None)
    assert dict(Official.objects.values_list("title", "role")) == {
        "Ambassador of China": "ambassador",
        "UN High Commissioner for Refugees": "un_agency",
    }


def test_demo_offices_get_their_roles():
    create_demo_officials()
    roles = dict(Official.objects.values_list("organisation", "role"))
    assert roles["United Nations Human Rights Council"] == "un_mandate"
    assert roles["National Assembly of the Republic of Korea"] == "legislature"
    assert roles["Embassy of the People's Republic of China in the Republic of Korea"] == (
        "ambassador"
    )


def test_the_admin_shows_the_role_with_its_help_and_filters_by_it(admin_client):
    official = make_official()
    page = admin_client.get(f"/admin/campaign/official/{official.pk}/change/")
    html = page.content.decode()
    assert 'name="role"' in html
    assert "an ambassador is asked to convey them to his government" in html
    assert "UN agency (such as UNHCR)" in html
    listing = admin_client.get("/admin/campaign/official/?role__exact=ambassador")
    assert official.title in listing.content.decode()
