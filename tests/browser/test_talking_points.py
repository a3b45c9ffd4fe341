"""A reader finds the highlighted calls to action and the talking points drawn from them."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_goes_from_a_highlighted_call_to_the_talking_points_and_back(
    demo_site, page, screenshot
):
    page.goto(demo_site.url + "/briefings/china-and-defectors/")
    marks = page.locator("mark.cta")
    assert marks.count() == 4
    assert marks.first.locator(".visually-hidden").inner_text().strip() == "Call to action:"
    assert page.locator(".cta-legend").is_visible()
    screenshot(page, "briefing-with-calls-to-action")

    page.get_by_role("link", name="All talking points").click()
    page.wait_for_url("**/talking-points/")
    assert page.get_by_role("heading", name="The Chinese government").is_visible()
    screenshot(page, "talking-points")

    source = page.locator(".talking-point__sources a").first
    href = source.get_attribute("href")
    source.click()
    page.wait_for_url(f"**{href}")
    anchor = href.split("#")[1]
    assert page.locator(f"mark#{anchor}").is_visible()


@pytest.mark.parametrize("path", ["/talking-points/", "/briefings/china-and-defectors/"])
def test_talking_points_and_highlights_have_no_accessibility_violations(demo_site, page, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(demo_site.url + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_reader_takes_a_highlighted_call_into_a_letter(demo_site, page):
    page.goto(demo_site.url + "/briefings/china-and-defectors/")
    link = page.get_by_role("link", name="Use this in a letter").first
    point = link.get_attribute("href").split("point=")[1]
    link.click()
    page.wait_for_url(f"**/letters/?point={point}")
    assert page.get_by_role("heading", level=1).is_visible()
