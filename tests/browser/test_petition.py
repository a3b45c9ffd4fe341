"""A supporter signs the petition in a real browser, with and without JavaScript."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from campaign.models import Petition
from tests.factories import link_from_mail

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def signing_site(demo_site, settings):
    # The fill-time check would hold a form filled in by a machine this fast.
    settings.SIGNING_MIN_FILL_SECONDS = 0
    return demo_site


def fill_in(page, email):
    page.get_by_label("Your name").fill("Hana Lee")
    page.get_by_label("Your email address").fill(email)
    page.get_by_label("Country").select_option("DE")


def test_signer_without_javascript_signs_confirms_and_shares(
    signing_site, page_without_js, screenshot
):
    page = page_without_js
    petition = Petition.objects.get()
    before = petition.signature_count
    page.goto(signing_site.url + "/petition/")
    fill_in(page, "hana@example.net")
    page.get_by_role("button", name="Sign the petition").click()
    page.wait_for_url("**/check-inbox/")
    assert page.get_by_role("heading", name="Check your inbox").is_visible()

    page.goto(signing_site.url + link_from_mail(mail.outbox[-1]))
    page.get_by_role("button", name="Confirm my signature").click()
    page.wait_for_url(re.compile(r"/thanks/\?n="))
    assert page.get_by_role("link", name="WhatsApp").is_visible()
    assert (
        page.get_by_label("Link to the petition")
        .input_value()
        .endswith(petition.get_absolute_url() + "?ref=link")
    )
    assert not page.get_by_role("button", name="Copy link").is_visible(), "needs JavaScript"
    screenshot(page, "petition-thanks")

    petition.refresh_from_db()
    assert petition.signature_count == before + 1


def test_signer_with_javascript_sees_errors_and_the_notice_in_place(signing_site, page, screenshot):
    page.goto(signing_site.url + "/petition/")
    url = page.url
    fill_in(page, "=not-a-name@example.net")
    page.get_by_label("Your name").fill("=cmd")
    page.get_by_role("button", name="Sign the petition").click()
    alert = page.get_by_role("alert")
    assert "Please correct the fields" in alert.inner_text()
    assert page.get_by_text("Please start your name with a letter.").is_visible()
    # htmx moves focus once the swap has settled.
    expect(page.locator(":focus")).to_have_attribute("role", "alert")

    page.get_by_label("Your name").fill("Hana Lee")
    page.get_by_label("Your email address").fill("hana.js@example.net")
    page.get_by_role("button", name="Sign the petition").click()
    heading = page.get_by_role("heading", name="Check your inbox")
    heading.wait_for()
    assert page.url == url, "signed in place"
    expect(page.locator(":focus")).to_have_text("Check your inbox")
    screenshot(page, "petition-signed-in-place")
    assert mail.outbox[-1].to == ["hana.js@example.net"]


@pytest.mark.parametrize("path", ["/petition/", "/petitions/stop-forced-repatriation/thanks/"])
def test_petition_pages_have_no_accessibility_violations(signing_site, page, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(signing_site.url + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
