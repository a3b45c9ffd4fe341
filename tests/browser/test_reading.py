"""A reader finds their way around the site in a real browser."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_reaches_the_briefings_from_the_home_page(demo_site, page, screenshot):
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Read the briefings").click()
    page.wait_for_url("**/briefings/")
    assert page.get_by_role("heading", level=1).inner_text() == "Briefings"
    screenshot(page)


def test_keyboard_user_can_skip_to_the_content(demo_site, page):
    page.goto(demo_site.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
