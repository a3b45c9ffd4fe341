"""A reader goes from the home page through a briefing's call to action to a printed letter."""

import pytest

from articles.models import TalkingPoint
from campaign.models import Letter

pytestmark = pytest.mark.django_db(transaction=True)


def read_a_briefing_and_follow_its_call_to_action(page, url):
    page.goto(url + "/")
    page.get_by_role("link", name="Read the briefings").click()
    page.wait_for_url("**/briefings/")
    page.get_by_role("link", name="China and defectors", exact=True).click()
    page.wait_for_url("**/briefings/china-and-defectors/")
    first_call = page.locator("mark.cta").first
    ask = TalkingPoint.objects.get(citations__pk=first_call.get_attribute("id").split("-")[1])
    # The link sits right after the highlighted sentence it belongs to.
    use_it = page.get_by_role("link", name="Use this in a letter").first
    assert use_it.get_attribute("aria-describedby") == first_call.get_attribute("id")
    use_it.click()
    page.wait_for_url(f"**/letters/?point={ask.pk}")
    return ask


def write_the_letter(page, ask):
    assert page.get_by_text(f"Your letter will ask: “{ask.ask}”").is_visible()
    # The offices the point is addressed to are suggested, the first one chosen.
    chosen = page.locator("input[name=officials]:checked")
    assert chosen.count() == 1
    office = page.locator(f"label[for={chosen.get_attribute('id')}]").inner_text()
    page.get_by_role("button", name="Next: what to ask").click()
    page.get_by_role("heading", name="What should your letter to").wait_for()
    assert page.locator(f"input[name=points][value='{ask.pk}']").is_checked()
    page.get_by_role("button", name="Next: about you").click()
    page.get_by_label("Your name").fill("Daniel Reyes")
    page.get_by_label("Your town or city").fill("Manila")
    page.get_by_label("Your country").fill("the Philippines")
    page.get_by_role("button", name="Next: see your letter").click()
    letter = page.get_by_role("textbox", name="Your letter")
    letter.wait_for()
    text = letter.input_value()
    assert "Daniel Reyes" in text and "Manila" in text
    # The supporter adds a sentence of their own after the greeting before finishing.
    greeting, rest = text.split("\n\n", 1)
    letter.fill(f"{greeting}\n\nI read about this in the news.\n\n{rest}")
    page.get_by_role("button", name="My letter is ready").click()
    page.get_by_role("heading", name="Your letter is ready").wait_for()
    return office.replace("suggested for this point", "").strip()


def open_the_print_view(page):
    with page.expect_popup() as popup:
        page.get_by_role("button", name="Printable page").click()
    printable = popup.value
    printable.wait_for_load_state()
    sheet = printable.locator(".letter-sheet")
    assert "I read about this in the news." in sheet.inner_text()
    assert "Daniel Reyes" in sheet.inner_text()
    return printable


def test_reader_follows_a_call_to_action_into_a_letter_and_prints_it(
    demo_site, page, screenshot
):
    ask = read_a_briefing_and_follow_its_call_to_action(page, demo_site.url)
    office = write_the_letter(page, ask)
    assert page.get_by_text(f"To: {office}").is_visible()
    # htmx carried the reader through the steps without a page load.
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    printable = open_the_print_view(page)
    # With JavaScript the print view offers a Print button.
    assert printable.get_by_role("button", name="Print").is_visible()
    screenshot(printable, "journey-letter-print")
    screenshot(page, "journey-letter-ready")
    assert ask in Letter.objects.get().talking_points.all()


def test_reader_without_javascript_follows_a_call_to_action_into_a_letter_and_prints_it(
    demo_site, page_without_js, screenshot
):
    page = page_without_js
    ask = read_a_briefing_and_follow_its_call_to_action(page, demo_site.url)
    office = write_the_letter(page, ask)
    assert page.get_by_text(f"To: {office}").is_visible()
    printable = open_the_print_view(page)
    assert printable.get_by_role("button", name="Print").is_hidden()
    screenshot(printable, "journey-letter-print-without-javascript")
    screenshot(page, "journey-letter-ready-without-javascript")
    assert Letter.objects.count() == 1
