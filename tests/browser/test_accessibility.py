"""Every public page and every step of the letter writer meets WCAG 2.1 AA, as axe-core sees it."""

import secrets

import pytest

from campaign import demo
from campaign.models import Signature
from campaign.petition import signatures
from tests.browser_support import VIEWPORTS, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def pending_signature(petition):
    email = f"reader-{secrets.token_hex(4)}@example.org"
    return Signature.objects.create(
        petition=petition, name="Mina Park", email=email, normalised_email=email,
        country="KR", token_nonce=secrets.token_hex(32),
    )  # fmt: skip


@pytest.fixture
def site(demo_site):
    # Signers, comments and tallies on the petition page, as in the local demo.
    petition = demo.create_demo_petition(with_signers=True)
    demo.create_demo_organisation()
    return demo_site.url, petition


PUBLIC_PAGES = {
    "home": "/",
    "briefings": "/briefings/",
    "briefing": "/briefings/china-and-defectors/",
    "talking points": "/talking-points/",
    "petition": "/petition/",
    "officials": "/officials/",
    "about": "/about/",
    "privacy": "/privacy/",
    "not found": "/no-such-page/",
}


def violations_on(page, base_url, pages):
    """{page name: axe report} for the pages with violations."""
    found = {}
    for name, path in pages.items():
        page.goto(base_url + path)
        report = axe_violations(page)
        if report:
            found[name] = report
    return found


def test_public_pages_have_no_accessibility_violations(site, page):
    url, _petition = site
    assert violations_on(page, url, PUBLIC_PAGES) == {}


def test_public_pages_in_korean_have_no_accessibility_violations(site, browser):
    url, _petition = site
    context = browser.new_context(locale="ko-KR", extra_http_headers={"Accept-Language": "ko"})
    page = context.new_page()
    page.goto(url + "/")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert violations_on(page, url, PUBLIC_PAGES) == {}
    context.close()


def test_signing_pages_have_no_accessibility_violations(site, page):
    url, petition = site
    signature = pending_signature(petition)
    pages = {
        "check your inbox": f"/petitions/{petition.slug}/check-inbox/",
        "confirm": signatures.link_path(signature, signatures.CONFIRM),
        "broken confirmation link": f"/petitions/{petition.slug}/confirm/not-a-token/",
        "thank you": f"/petitions/{petition.slug}/thanks/",
        "new link": f"/petitions/{petition.slug}/resend/",
        "withdraw": signatures.link_path(signature, signatures.WITHDRAW),
        "widget": f"/petitions/{petition.slug}/widget/",
    }
    assert violations_on(page, url, pages) == {}


def test_pages_on_a_375_px_phone_have_no_accessibility_violations(site, browser):
    url, petition = site
    signature = pending_signature(petition)
    signatures.confirm_signature(signature.pk)
    signature.refresh_from_db()
    context = browser.new_context(viewport=VIEWPORTS["mobile"])
    page = context.new_page()
    pages = {
        **PUBLIC_PAGES,
        "check your inbox": f"/petitions/{petition.slug}/check-inbox/",
        "thank you, with the signer's number": signatures.thanks_path(signature),
    }
    assert violations_on(page, url, pages) == {}
    context.close()


def test_signing_form_with_errors_has_no_accessibility_violations(site, page):
    url, _petition = site
    page.goto(url + "/petition/")
    form = page.locator(".petition__aside form")
    # Past the browser's own checks of required fields, to the site's error messages.
    form.evaluate("form => { form.noValidate = true; }")
    form.get_by_role("button", name="Sign the petition").click()
    page.get_by_text("Please correct the fields marked below.").wait_for()
    assert page.get_by_label("Your name").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == ""


def test_every_step_of_the_letter_writer_has_no_accessibility_violations(site, page):
    url, _petition = site
    page.goto(url + "/letters/")
    assert axe_violations(page) == "", "choose an office"
    # Going on without choosing shows the error on the first step.
    page.get_by_role("button", name="Next: what to ask").click()
    page.get_by_text("Choose the office you want to write to.").wait_for()
    assert axe_violations(page) == "", "no office chosen"
    page.get_by_label("Minister of Unification").check()
    page.get_by_role("button", name="Next: what to ask").click()
    page.get_by_role("heading", name="What should your letter to").wait_for()
    assert axe_violations(page) == "", "talking points"
    page.get_by_role("button", name="Next: about you").click()
    page.get_by_role("heading", name="About you").wait_for()
    assert axe_violations(page) == "", "about you"
    page.get_by_label("Your name").fill("Alice Kim")
    page.get_by_label("Your town or city").fill("Toronto")
    page.get_by_role("button", name="Next: see your letter").click()
    page.get_by_role("heading", name="Check and edit your letter").wait_for()
    assert axe_violations(page) == "", "the letter"
    page.get_by_role("button", name="My letter is ready").click()
    page.get_by_role("heading", name="Your letter is ready").wait_for()
    assert axe_violations(page) == "", "ready"
    with page.expect_popup() as popup:
        page.get_by_role("button", name="Printable page").click()
    printable = popup.value
    printable.wait_for_load_state()
    assert axe_violations(printable) == "", "printable page"
