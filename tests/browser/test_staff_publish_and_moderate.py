"""Staff at work: an editor publishes a briefing and approves a talking point, a moderator
approves a comment and exports the signatures; each then sees the result on the site."""

import csv
import io

import pytest

from articles.models import Briefing, TalkingPoint
from campaign.models import Petition
from campaign.roles import EDITORS, MODERATORS
from tests.factories import PASSWORD, make_briefing, make_signature, make_staff

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, url, username):
    page.goto(url + "/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def test_editor_publishes_a_briefing_and_approves_a_talking_point(demo_site, page, screenshot):
    make_staff("editor", EDITORS)
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
    # The deck in English (a Korean box sits beside it).
    page.get_by_label("Deck [en]").fill("Families wait at the border for news")
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


def test_moderator_approves_a_comment_and_exports_the_signatures(demo_site, page, screenshot):
    make_staff("moderator", MODERATORS)
    petition = Petition.objects.current()
    make_signature(petition, "Hana Kim", comment="My grandmother crossed the Tumen in 1998.")
    make_signature(petition, "Joon Lee", show_name=False)
    url = demo_site.url
    page.goto(url + "/petition/")
    assert page.get_by_text("My grandmother crossed the Tumen").count() == 0

    log_in(page, url, "moderator")
    page.get_by_role("link", name="Comments waiting for moderation").click()
    page.get_by_role("row", name="My grandmother crossed the Tumen").get_by_role("checkbox").check()
    page.get_by_label("Action:").select_option(label="Approve selected comments")
    page.get_by_role("button", name="Go").click()
    page.get_by_text("1 comment approved.").wait_for()

    page.goto(url + "/admin/")
    page.get_by_role("link", name="Petitions", exact=True).click()
    page.get_by_role("link", name=petition.title).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download signatures (CSV)").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Name", "Country", "Confirmed on"]
    # Only names their signers agreed to show leave the site, as they agreed to show them.
    assert sorted(row[0] for row in rows[1:]) == ["", "Hana K."]
    assert {row[1] for row in rows[1:]} == {"South Korea"}
    screenshot(page, "journey-moderator-petition-admin")

    page.context.clear_cookies()
    page.goto(url + "/petition/")
    comments = page.get_by_role("region", name="Why people sign")
    assert comments.get_by_text("My grandmother crossed the Tumen in 1998.").is_visible()
    screenshot(page, "journey-moderator-comment-on-the-petition")
