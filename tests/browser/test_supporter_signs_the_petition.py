"""A supporter signs, confirms from the mail folder, sees the count rise and shares the petition,
with and without JavaScript."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from campaign.models import Petition

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def petition_site(demo_site, settings, mail_folder):
    # Links in the mail and the share links point at the server under test.
    settings.SITE_URL = demo_site.url
    # The live counter asks every second instead of every 15.
    settings.PETITION_POLL_SECONDS = 1
    # A person takes longer than a test to fill in the form; a quick form is held back.
    settings.SIGNING_MIN_FILL_SECONDS = 0
    return demo_site.url, Petition.objects.current(), mail_folder


def confirm_link(messages):
    """The confirmation link in the one mail sent, as a reader finds it in their mail program."""
    assert len(messages) == 1
    message = messages[0]
    assert message["To"] == "mina@example.org"
    text = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"\S+/confirm/\S+/", text).group()


def fill_in_the_form(form):
    form.get_by_label("Your name").fill("Mina Park")
    form.get_by_label("Your email address").fill("mina@example.org")
    form.get_by_label("Country").select_option("KR")


def test_supporter_signs_confirms_and_sees_the_count_rise_without_reloading(
    petition_site, browser, page, screenshot
):
    url, petition, mail = petition_site
    address = url + petition.get_absolute_url()
    page.goto(url + "/petition/")
    counter = page.locator(".petition-counter")
    assert counter.get_attribute("aria-live") == "polite"
    assert counter.locator(".petition-count").inner_text() == "0 signatures"

    form = page.locator(".petition__aside form")
    fill_in_the_form(form)
    form.get_by_label("Why are you signing? (optional)").fill("My aunt was sent back in 2019.")
    form.get_by_role("button", name="Sign the petition").click()
    # htmx swapped the form for the notice; the page stayed where it was.
    page.get_by_role("heading", name="Check your inbox").wait_for()
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1

    # The supporter opens the link from their mail in another tab and confirms.
    mail_tab = page.context.new_page()
    mail_tab.goto(confirm_link(mail()))
    assert mail_tab.get_by_text("You are signing as Mina Park.").is_visible()
    mail_tab.get_by_role("button", name="Confirm my signature").click()
    mail_tab.get_by_role("heading", name="Thank you: your signature is confirmed").wait_for()
    mail_tab.close()

    # Back on the petition page the live counter has caught up by itself.
    counter.get_by_text("1 signature", exact=True).wait_for()
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert counter.locator("progress").get_attribute("value") == "1"

    # Each share link carries the prefilled message and says where it was posted.
    message = f"Please sign the petition “{petition.title}”."
    share = page.locator(".share")
    assert share.get_by_label("A message to send with the link").input_value() == message
    x_link = urlparse(share.get_by_role("link", name="X").get_attribute("href"))
    assert x_link.netloc == "twitter.com"
    assert parse_qs(x_link.query) == {"text": [message], "url": [f"{address}?ref=x"]}
    assert share.get_by_role("link", name="X").get_attribute("rel") == "noopener"
    whatsapp = share.get_by_role("link", name="WhatsApp").get_attribute("href")
    assert parse_qs(urlparse(whatsapp).query)["text"] == [f"{message} {address}?ref=whatsapp"]
    email = share.get_by_role("link", name="Email").get_attribute("href")
    assert email.startswith("mailto:?")
    assert parse_qs(urlparse(email).query)["body"] == [f"{message}\n\n{address}?ref=email"]
    # The copy button appears with JavaScript, copies the link and says so aloud.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    share.get_by_role("button", name="Copy link").click()
    expect(share.get_by_role("status")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == f"{address}?ref=link"
    share.get_by_role("button", name="KakaoTalk (copy the link)").click()
    expect(share.get_by_role("status")).to_have_text(
        "Link copied: paste it into a KakaoTalk chat."
    )
    assert page.evaluate("navigator.clipboard.readText()") == f"{message} {address}?ref=kakaotalk"
    screenshot(page, "journey-signing")


def test_supporter_without_javascript_signs_confirms_and_shares(
    petition_site, page_without_js, screenshot
):
    url, petition, mail = petition_site
    address = url + petition.get_absolute_url()
    page = page_without_js
    page.goto(url + "/petition/")
    form = page.locator(".petition__aside form")
    fill_in_the_form(form)
    form.get_by_role("button", name="Sign the petition").click()
    page.wait_for_url(f"**/petitions/{petition.slug}/check-inbox/")
    assert page.get_by_role("heading", name="Check your inbox").is_visible()

    page.goto(confirm_link(mail()))
    page.get_by_role("button", name="Confirm my signature").click()
    page.wait_for_url(re.compile(rf"/petitions/{petition.slug}/thanks/\?n="))
    assert page.get_by_text("You are signer number 1.").is_visible()
    message = f"I am signer number 1 of the petition “{petition.title}”. Will you sign it too?"
    assert page.get_by_label("A message to send with the link").input_value() == message
    # Without JavaScript the address is in a field to select; there is no copy button,
    # no share-menu button, and every share link works as a plain link.
    assert page.get_by_label("Link to the petition").input_value() == f"{address}?ref=link"
    assert page.get_by_role("button", name="Copy link").is_hidden()
    assert page.get_by_role("button", name="Share…").is_hidden()
    assert page.get_by_role("button", name="KakaoTalk (copy the link)").is_hidden()
    facebook = page.get_by_role("link", name="Facebook").get_attribute("href")
    assert parse_qs(urlparse(facebook).query) == {"u": [f"{address}?ref=facebook"]}
    telegram = page.get_by_role("link", name="Telegram").get_attribute("href")
    assert parse_qs(urlparse(telegram).query) == {
        "url": [f"{address}?ref=telegram"], "text": [message]
    }
    screenshot(page, "journey-signing-thanks-without-javascript")

    page.get_by_role("link", name=petition.title).click()
    assert page.locator(".petition-count").inner_text() == "1 signature"
    screenshot(page, "journey-signing-without-javascript")
