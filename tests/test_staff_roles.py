"""Editors and moderators can each do their work in the admin, and nothing else."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from articles.models import Briefing
from campaign.models import Signature
from campaign.roles import EDITORS, MODERATORS, ROLES, find_permissions
from tests.factories import make_petition, make_signature, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def briefing():
    return Briefing.objects.create(title="Humane China", slug="humane-china", body="Text.")


def test_every_permission_the_roles_name_exists():
    for names in ROLES.values():
        _, missing = find_permissions(names)
        assert missing == []


def test_setup_roles_is_idempotent_and_resets_extra_permissions():
    call_command("setup_roles")
    editors = Group.objects.get(name=EDITORS)
    before = set(editors.permissions.values_list("codename", flat=True))
    editors.permissions.add(*find_permissions(["auth.change_user"])[0])
    call_command("setup_roles")
    assert set(editors.permissions.values_list("codename", flat=True)) == before
    assert Group.objects.filter(name__in=[EDITORS, MODERATORS]).count() == 2


def test_editor_can_change_a_briefing(client, editor, briefing):
    url = f"/admin/articles/briefing/{briefing.pk}/change/"
    assert client.get(url).status_code == 200
    assert client.get("/admin/campaign/petition/").status_code == 200
    assert client.get("/admin/campaign/campaignupdate/add/").status_code == 200
    assert client.get("/admin/campaign/official/add/").status_code == 200


def test_editor_cannot_see_signatures_exports_or_the_dashboard(client, editor):
    petition = make_petition()
    make_signature(petition)
    assert client.get("/admin/campaign/signature/").status_code == 403
    assert client.get("/admin/campaign/signaturecomment/").status_code == 403
    assert client.get(f"/admin/petitions/{petition.pk}/signatures.csv").status_code == 403
    assert client.get("/admin/dashboard/").status_code == 403


def test_moderator_can_review_signatures_export_and_see_the_dashboard(client, moderator):
    petition = make_petition()
    signature = make_signature(petition)
    assert client.get("/admin/campaign/signature/").status_code == 200
    assert client.get(f"/admin/campaign/signature/{signature.pk}/change/").status_code == 200
    assert client.get("/admin/campaign/signature/trending/").status_code == 200
    assert client.get(f"/admin/petitions/{petition.pk}/signatures.csv").status_code == 200
    assert client.get("/admin/dashboard/").status_code == 200
    assert client.get("/admin/campaign/papertally/add/").status_code == 200


def test_moderator_cannot_edit_briefings_or_petition_text(client, moderator, briefing):
    petition = make_petition()
    assert client.get(f"/admin/articles/briefing/{briefing.pk}/change/").status_code == 403
    assert client.get("/admin/campaign/official/add/").status_code == 403
    response = client.post(
        f"/admin/campaign/petition/{petition.pk}/change/",
        {"title": "Changed", "slug": petition.slug, "statement": "x", "addressee": "y"},
    )
    assert response.status_code == 403


def test_no_role_manages_users_or_groups(client):
    for group in (EDITORS, MODERATORS):
        client.force_login(make_staff(f"someone-{group}", group))
        assert client.get("/admin/auth/user/").status_code == 403
        assert client.get("/admin/auth/group/").status_code == 403


def test_moderators_cannot_delete_signatures(client, moderator):
    signature = make_signature(make_petition())
    response = client.get(f"/admin/campaign/signature/{signature.pk}/delete/")
    assert response.status_code == 403
    assert Signature.objects.filter(pk=signature.pk).exists()


def test_the_admin_index_links_to_each_roles_daily_work(client, moderator):
    page = client.get("/admin/").content.decode()
    assert "/admin/dashboard/" in page
    assert "comment_state__exact=pending" in page
    assert "/admin/campaign/signature/trending/" in page
