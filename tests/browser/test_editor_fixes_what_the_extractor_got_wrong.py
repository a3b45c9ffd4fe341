"""An editor, without JavaScript, turns a sentence the extractor missed into a talking point
from the briefing's admin page, corrects the addressee of a suggestion, and reads the
extractor's record; the pages pass axe's WCAG 2.1 AA checks."""

import pytest

from articles.models import TalkingPoint
from articles.talking_points import refresh_talking_points
from campaign.roles import EDITORS
from tests.browser_support import axe_violations
from tests.factories import PASSWORD, create_briefing, make_fake_extractor, make_staff

pytestmark = pytest.mark.django_db(transaction=True)

FOUND = "Beijing must stop sending defectors back to the North."
MISSED = "Seoul would do well to take in every one of them."
BODY = f"""Defectors are arrested in China every week.

{FOUND} They face prison camps there.

{MISSED}

The border is long and cold."""


@pytest.fixture
def briefing():
    briefing = create_briefing(
        title="Refugees on the Tumen", slug="refugees-on-the-tumen", body=BODY
    )
    # The extractor found one call, and sent it to the wrong actor: the repatriations
    # are China's doing, but it read "the North" as the addressee.
    extract = make_fake_extractor({FOUND: ("north_korea", "stop sending defectors back", 0.9)})
    refresh_talking_points(briefing, extract=extract)
    return briefing


def log_in(page, url):
    page.goto(url + "/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def test_editor_adds_a_missed_call_and_corrects_an_addressee(
    live_server, briefing, page_without_js, screenshot
):
    make_staff("editor", EDITORS)
    page = page_without_js
    url = live_server.url
    log_in(page, url)

    # The briefing's page lists the sentences no talking point cites yet.
    page.get_by_role("link", name="Briefings", exact=True).click()
    page.get_by_role("link", name="Refugees on the Tumen").click()
    missed_calls = page.get_by_role("region", name="Calls to action the extractor missed")
    assert missed_calls.get_by_role("cell", name=FOUND).count() == 0
    row = missed_calls.get_by_role("row").filter(has_text=MISSED)
    row.get_by_label("Who is asked to act").select_option(label="The South Korean government")
    row.get_by_role("button", name="Add as talking point").click()

    missed_calls.get_by_text("added for The South Korean government").wait_for()
    assert missed_calls.get_by_role("row").filter(has_text=MISSED).count() == 0
    screenshot(page, "editor-adds-a-missed-call")

    # The new point's ask is the sentence: the editor makes it a short request and approves it.
    missed_calls.get_by_role("link", name=MISSED.rstrip(".")).click()
    page.get_by_label("Ask [en]").fill("Take in every defector who reaches Seoul")
    page.get_by_label("Status").select_option(label="Approved")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("was changed successfully").wait_for()

    # The extractor's suggestion goes to the actor who is doing the repatriating.
    page.get_by_role("link", name="Stop sending defectors back").click()
    page.get_by_label("Addressee").select_option(label="The Chinese government")
    page.get_by_label("Status").select_option(label="Approved")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("was changed successfully").wait_for()

    added = TalkingPoint.objects.get(added_by_editor=True)
    assert (added.addressee, added.status, added.ask_edited) == (
        "south_korea_government",
        "approved",
        True,
    )
    assert added.citations.get().sentence == MISSED
    found = TalkingPoint.objects.get(added_by_editor=False)
    assert (found.addressee, found.addressee_edited) == ("china", True)
    assert found.citations.get().extracted_addressee == "north_korea"

    # The record: one call found with the wrong addressee, one missed.
    page.get_by_role("link", name="The extractor's record").click()
    table = page.get_by_role("table", name="The extractor's record per briefing")
    cells = table.get_by_role("row").filter(has_text="Refugees on the Tumen").get_by_role("cell")
    assert cells.all_inner_texts() == ["0", "1", "0", "1", "0", "100%", "50%", "67%", "0%"]
    screenshot(page, "editor-reads-the-extractors-record")


def test_the_editors_pages_have_no_accessibility_violations(live_server, briefing, page):
    make_staff("editor", EDITORS)
    log_in(page, live_server.url)
    found = {}
    for path in (
        f"/admin/articles/briefing/{briefing.pk}/change/",
        "/admin/articles/talkingpoint/record/",
    ):
        page.goto(live_server.url + path)
        report = axe_violations(page)
        if report:
            found[path] = report
    assert not found, found
