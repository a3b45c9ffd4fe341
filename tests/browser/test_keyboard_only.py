"""Signing and writing a letter work with the keyboard alone: Tab, Shift+Tab, Enter and Space."""

import re

import pytest

from campaign.models import Letter, Petition, Signature

pytestmark = pytest.mark.django_db(transaction=True)


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, limit=60, key="Tab"):
    """Press Tab (or Shift+Tab) until `locator` has the focus; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press(key)
        if is_focused(locator):
            return
    raise AssertionError(f"{locator} never got the focus with {key}")


def next_field(page, locator):
    """One Tab moves the focus to `locator`: the fields come in reading order."""
    page.keyboard.press("Tab")
    assert is_focused(locator), f"Tab did not move to {locator}"


def test_keyboard_user_signs_and_confirms_the_petition(demo_site, settings, mail_folder, page):
    settings.SITE_URL = demo_site.url
    settings.SIGNING_MIN_FILL_SECONDS = 0
    petition = Petition.objects.current()
    page.goto(demo_site.url + "/petition/")
    form = page.locator(".petition__aside form")

    tab_to(page, form.get_by_label("Your name"))
    page.keyboard.type("Mina Park")
    next_field(page, form.get_by_label("Your email address"))
    page.keyboard.type("mina@example.org")
    next_field(page, form.get_by_label("Country"))
    # A closed select chooses the option whose name is typed.
    page.keyboard.type("South Korea")
    assert form.get_by_label("Country").input_value() == "KR"
    next_field(page, form.get_by_label("Postal code (optional)"))
    next_field(page, form.get_by_label("Why are you signing? (optional)"))
    page.keyboard.type("Nobody should be sent back to a prison camp.")
    show_name = form.get_by_label("Show my first name and initial on the list of signers")
    next_field(page, show_name)
    page.keyboard.press("Space")
    assert show_name.is_checked()
    # Shift+Tab goes back to the comment and Tab forward again.
    page.keyboard.press("Shift+Tab")
    assert is_focused(form.get_by_label("Why are you signing? (optional)"))
    page.keyboard.press("Tab")
    # The trap field for bots is skipped; the next stop after the checkboxes is the button.
    tab_to(page, form.get_by_role("button", name="Sign the petition"), limit=3)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Check your inbox").wait_for()

    signature = Signature.objects.get()
    assert (signature.name, signature.country, signature.show_name) == ("Mina Park", "KR", True)
    text = mail_folder()[0].get_body(preferencelist=("plain",)).get_content()
    page.goto(re.search(r"\S+/confirm/\S+/", text).group())
    tab_to(page, page.get_by_role("button", name="Confirm my signature"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/petitions/{petition.slug}/thanks/\?n="))
    signature.refresh_from_db()
    assert signature.state == Signature.State.CONFIRMED


def test_keyboard_user_writes_a_letter(demo_site, page):
    page.goto(demo_site.url + "/letters/")
    writer = page.locator("#letter-writer")
    # Tab enters the group of offices; Space chooses the one with the focus.
    tab_to(page, writer.locator("input[name=officials]").first)
    page.keyboard.press("Space")
    official = writer.locator("input[name=officials]:checked").get_attribute("value")
    tab_to(page, writer.get_by_role("button", name="Next: what to ask"))
    page.keyboard.press("Enter")

    heading = page.get_by_role("heading", name="What should your letter to")
    heading.wait_for()
    # The new step's heading has the focus, so Tab continues from there.
    assert is_focused(heading)
    first_point = writer.locator("input[name=points]").first
    tab_to(page, first_point, limit=5)
    if not first_point.is_checked():
        page.keyboard.press("Space")
    assert first_point.is_checked()
    tab_to(page, writer.get_by_role("button", name="Next: about you"))
    page.keyboard.press("Enter")

    page.get_by_role("heading", name="About you").wait_for()
    tab_to(page, writer.get_by_label("Your name"), limit=5)
    page.keyboard.type("Alice Kim")
    next_field(page, writer.get_by_label("Your town or city"))
    page.keyboard.type("Toronto")
    tab_to(page, writer.get_by_role("button", name="Next: see your letter"))
    page.keyboard.press("Enter")

    letter = writer.get_by_role("textbox", name="Your letter")
    letter.wait_for()
    tab_to(page, writer.get_by_role("button", name="My letter is ready"))
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Your letter is ready").wait_for()
    written = Letter.objects.get()
    assert str(written.official_id) == official
    assert "Alice Kim" in writer.get_by_role("textbox", name="Your letter").input_value()
