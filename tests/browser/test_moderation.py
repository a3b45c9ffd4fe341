"""A moderator's morning in the admin: comments, a burst of fake signatures, the dashboard."""

import pytest

from campaign.models import Petition, Signature
from campaign.roles import MODERATORS
from tests.factories import PASSWORD, make_signature, make_staff

pytestmark = pytest.mark.django_db(transaction=True)


def test_moderator_approves_a_comment_and_invalidates_fake_signatures(demo_site, page, screenshot):
    make_staff("moderator", MODERATORS)
    petition = Petition.objects.get(slug="stop-forced-repatriation")
    make_signature(petition, "Hana Kim", comment="Let them pass.")
    for n in range(2):
        make_signature(petition, f"Fake {n}", email=f"fake{n}@spam.example")
    petition.refresh_from_db()
    before = petition.signature_count

    page.goto(demo_site.url + "/admin/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="Comments waiting for moderation").click()
    page.get_by_role("row", name="Let them pass.").get_by_role("checkbox").check()
    page.get_by_label("Action:").select_option("approve_comments")
    page.get_by_role("button", name="Go").click()
    page.get_by_text("1 comment approved.").wait_for()

    page.goto(demo_site.url + "/admin/campaign/signature/?q=spam.example")
    page.locator("#action-toggle").check()
    page.get_by_label("Action:").select_option("invalidate")
    page.get_by_role("button", name="Go").click()
    page.get_by_role("heading", name="Invalidate signatures").wait_for()
    page.get_by_label("Reason").fill("Made-up names from one domain")
    screenshot(page, "moderator-invalidate-confirmation")
    page.get_by_role("button", name="Invalidate").click()
    page.get_by_text("2 signatures invalidated.").wait_for()

    petition.refresh_from_db()
    assert petition.signature_count == before - 2
    assert set(
        Signature.objects.filter(state=Signature.State.INVALIDATED).values_list(
            "invalidation_reason", flat=True
        )
    ) == {"Made-up names from one domain"}

    page.goto(demo_site.url + "/admin/dashboard/")
    page.get_by_role("img", name="Signatures per day").wait_for()
    screenshot(page, "moderator-dashboard")
