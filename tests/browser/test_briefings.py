"""A reader goes from the home page to a briefing and on to act."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_opens_a_featured_briefing_and_finds_how_to_act(demo_site, page, screenshot):
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Humane China").click()
    page.wait_for_url("**/briefings/humane-china/")
    assert page.get_by_role("heading", level=1).inner_text() == "Humane China"
    assert page.get_by_text("Beijing must stop repatriating N.K. defectors").is_visible()
    assert page.get_by_role("heading", name="Take action").is_visible()
    assert page.get_by_role("link", name="Read the original in The Korea Herald").is_visible()
    screenshot(page)


def test_sections_and_lists_read_in_order_without_javascript(demo_site, page_without_js):
    page = page_without_js
    page.goto(demo_site.url + "/briefings/defectors-in-china-facing-repatriation/")
    headings = page.locator(".briefing__body h2").all_inner_texts()
    assert headings[0] == "Most of North Korean defectors come South Korea via China"
    assert len(headings) == 5
    assert page.locator(".briefing__body ul > li").count() == 5


@pytest.mark.parametrize(
    "path",
    [
        "/briefings/",
        "/briefings/china-resumes-forced-repatriation/",
        "/briefings/defectors-in-china-facing-repatriation/",
    ],
)
def test_briefing_pages_have_no_accessibility_violations(demo_site, page, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(demo_site.url + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
