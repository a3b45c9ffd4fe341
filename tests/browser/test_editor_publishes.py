"""An editor publishes a briefing and approves a talking point, then finds both on the site."""

import pytest
from django.contrib.auth.models import User

from articles.models import Briefing, TalkingPoint
from tests.conftest import make_briefing

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long editor passphrase"


def log_in(page, url, username):
    page.goto(url + "/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def test_editor_publishes_a_briefing_and_approves_a_talking_point(demo_site, page, screenshot):
    User.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    draft = make_briefing(title="Refugees on the Tumen", slug="refugees-on-the-tumen")
    Briefing.objects.filter(pk=draft.pk).update(status=Briefing.Status.DRAFT)
    # One of the calls the extractor found in the demo editorials, waiting for an editor.
    point = TalkingPoint.objects.filter(status=TalkingPoint.Status.SUGGESTED).first()
    url = demo_site.url
    page.goto(url + "/briefings/refugees-on-the-tumen/")
    assert page.get_by_role("heading", name="We could not find that page").is_visible()

    log_in(page, url, "editor")
    page.get_by_role("link", name="Briefings", exact=True).click()
    page.get_by_role("link", name="Refugees on the Tumen").click()
    page.get_by_label("Deck").fill("Families wait at the border for news")
    page.get_by_label("Status").select_option("published")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("was changed successfully").wait_for()

    page.goto(url + "/admin/articles/talkingpoint/?status__exact=suggested")
    row = page.get_by_role("row").filter(has_text=point.ask)
    row.get_by_role("checkbox").check()
    page.locator("select[name=action]").select_option(label="Approve the selected talking points")
    page.get_by_role("button", name="Go").click()
    page.get_by_role("row").filter(has_text=point.ask).wait_for(state="detached")
    point.refresh_from_db()
    assert point.status == TalkingPoint.Status.APPROVED

    # The public site, as a reader sees it.
    page.context.clear_cookies()
    page.goto(url + "/briefings/")
    page.get_by_role("link", name="Refugees on the Tumen").click()
    assert page.get_by_text("Families wait at the border for news").is_visible()
    page.goto(url + "/talking-points/")
    assert page.get_by_text(point.ask, exact=True).is_visible()
    screenshot(page, "journey-editor-talking-points")
