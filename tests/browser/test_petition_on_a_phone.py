"""On a phone: the count and the Sign button on the first screen; after confirming,
the signer's number and the device's own share menu."""

import re

import pytest
from playwright.sync_api import expect

from campaign.models import Petition
from tests.browser_support import VIEWPORTS

pytestmark = pytest.mark.django_db(transaction=True)

# The smallest common phone screen (iPhone SE), as well as the suite's phone size.
PHONES = {"375x667": {"width": 375, "height": 667}, "375x740": VIEWPORTS["mobile"]}


@pytest.fixture
def site(demo_site, settings, mail_folder):
    settings.SITE_URL = demo_site.url
    settings.SIGNING_MIN_FILL_SECONDS = 0
    return demo_site.url, Petition.objects.current(), mail_folder


def in_first_screen(page, locator):
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize("phone", PHONES)
@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_count_and_the_sign_button_come_before_the_statement(site, browser, phone,
                                                                 language):
    url, _petition, _mail = site
    context = browser.new_context(viewport=PHONES[phone],
                                  extra_http_headers={"Accept-Language": language})
    page = context.new_page()
    page.goto(url + "/petition/")
    sign = page.locator(".petition__jump a")
    count = page.locator(".petition__header .petition-count")
    statement = page.locator("#statement-heading")
    assert in_first_screen(page, count), "the count shows without scrolling"
    assert in_first_screen(page, sign), "the Sign button shows without scrolling"
    assert sign.bounding_box()["y"] < statement.bounding_box()["y"]
    # The button jumps to the form.
    sign.click()
    expect(page).to_have_url(re.compile("#sign$"))
    assert in_first_screen(page, page.locator("#sign-heading"))
    context.close()


def test_the_home_pages_first_button_is_sign_the_petition(site, page):
    url, petition, _mail = site
    page.goto(url + "/")
    buttons = page.locator(".hero .actions a")
    expect(buttons).to_have_text(["Sign the petition", "Read the briefings"])
    buttons.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(petition.title)


def test_after_confirming_a_phone_shares_through_its_own_share_menu(site, browser):
    url, petition, mail = site
    context = browser.new_context(viewport=VIEWPORTS["mobile"])
    # Chromium on a desktop has no share menu; a phone's browser does. Stand in for
    # it, keeping what the page asks it to share.
    context.add_init_script(
        "window.__shared = [];"
        "navigator.share = function (data) { window.__shared.push(data);"
        " return Promise.resolve(); };"
    )
    page = context.new_page()
    page.goto(url + "/petition/")
    page.locator(".petition__jump a").click()
    form = page.locator(".petition__aside form")
    form.get_by_label("Your name").fill("Mina Park")
    form.get_by_label("Your email address").fill("mina@example.org")
    form.get_by_label("Country").select_option("KR")
    form.get_by_role("button", name="Sign the petition").click()
    page.get_by_role("heading", name="Check your inbox").wait_for()

    (message,) = mail()
    text = message.get_body(preferencelist=("plain",)).get_content()
    page.goto(re.search(r"\S+/confirm/\S+/", text).group())
    page.get_by_role("button", name="Confirm my signature").click()
    expect(page.locator(".signer-number")).to_have_text("You are signer number 1.")

    share = page.get_by_role("button", name="Share…")
    expect(share).to_be_visible()
    share.click()
    (shared,) = page.evaluate("window.__shared")
    address = url + petition.get_absolute_url()
    assert shared == {
        "title": petition.title,
        "text": f"I am signer number 1 of the petition “{petition.title}”. Will you sign it too?",
        "url": f"{address}?ref=share",
    }
    context.close()


def test_without_a_share_menu_the_button_stays_hidden(site, page):
    url, petition, _mail = site
    page.goto(f"{url}/petitions/{petition.slug}/thanks/")
    assert page.evaluate("typeof navigator.share") != "function"
    assert page.get_by_role("button", name="Share…").is_hidden()
    assert page.get_by_role("link", name="WhatsApp").is_visible()
