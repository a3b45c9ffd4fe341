"""A supporter writes to an official in a real browser, with and without JavaScript."""

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from articles.models import TalkingPoint
from campaign.models import Letter, Official
from tests.factories import make_briefing, make_point

pytestmark = pytest.mark.django_db(transaction=True)


def assert_accessible(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture
def points(demo_site):
    # These journeys are about the points made here, not those the demo approves.
    TalkingPoint.objects.approved().update(status=TalkingPoint.Status.SUGGESTED)
    herald = make_briefing(published_on=date(2014, 7, 28))
    return {
        "china": make_point("Stop the forced repatriation of North Korean defectors",
                            ask_ko="탈북민 강제 북송을 중단해 주십시오", briefing=herald),
        "seoul": make_point("Bring the defectors held in China safely to the South",
                            ask_ko="중국에 억류된 탈북민들을 안전하게 한국으로 데려와 주십시오",
                            addressee="south_korea_government", briefing=herald),
    }  # fmt: skip


def test_supporter_writes_to_the_ambassador_and_opens_their_mail_program(
    demo_site, points, page, screenshot
):
    ambassador = Official.objects.get(title__startswith="Ambassador")
    # An editor has checked and added the embassy's address.
    ambassador.email = "embassy@example.org"
    ambassador.save()
    page.goto(f"{demo_site.url}/letters/?point={points['china'].pk}")
    assert page.get_by_label("Ambassador of the People's Republic of China").is_checked()
    assert_accessible(page)
    screenshot(page, "letters-choose-official")
    page.get_by_role("button", name="Next: what to ask").click()
    page.get_by_role("heading", name="What should your letter to Ambassador").wait_for()
    # Addressed to China, the point asks the ambassador to convey it to his government.
    ours = page.get_by_label("Convey to your government that it should stop the forced "
                             "repatriation of North Korean defectors", exact=True)  # fmt: skip
    assert ours.is_checked()
    # Keep the letter short enough for one mail link: only our point.
    for box in page.locator("input[name=points]").all():
        box.uncheck()
    ours.check()
    page.get_by_role("button", name="Next: about you").click()
    page.get_by_label("Your name").fill("Alice Kim")
    page.get_by_label("Your town or city").fill("Toronto")
    page.get_by_label("Your country").fill("Canada")
    page.get_by_role("button", name="Next: see your letter").click()
    letter = page.get_by_role("textbox", name="Your letter")
    assert letter.input_value().startswith("Your Excellency,")
    # htmx swapped the step in: the page itself never reloaded.
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    screenshot(page, "letters-edit")
    page.get_by_role("button", name="My letter is ready").click()
    page.get_by_role("heading", name="Your letter is ready").wait_for()
    href = page.get_by_role("link", name="Open your mail program").get_attribute("href")
    assert href.startswith("mailto:embassy@example.org?subject=")
    assert "%0D%0A" in href and "+" not in href
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_site.url)
    page.get_by_role("button", name="Copy the letter").click()
    page.get_by_text("The letter is copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()").startswith("Your Excellency,")
    assert_accessible(page)
    screenshot(page, "letters-ready")
    assert Letter.objects.count() == 1


def test_supporter_without_javascript_writes_in_korean_and_downloads_a_pdf(
    demo_site, points, page_without_js
):
    page = page_without_js
    minister = Official.objects.get(title="Minister of Unification")
    page.goto(f"{demo_site.url}/letters/?official={minister.pk}")
    assert page.get_by_label("Bring the defectors held in China").is_checked()
    page.get_by_role("button", name="Next: about you").click()
    page.get_by_label("Your name").fill("김민수")
    page.get_by_label("Your town or city").fill("부산")
    page.get_by_role("button", name="Next: see your letter").click()
    text = page.get_by_role("textbox", name="Your letter").input_value()
    assert text.startswith("존경하는 통일부 장관님께")
    assert "2014년 7월 28일" in text
    page.get_by_role("button", name="My letter is ready").click()
    # Without JavaScript there is no copy button; the text is in a box to select.
    assert page.get_by_role("button", name="Copy the letter").is_hidden()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as PDF").click()
    extracted = PdfReader(download.value.path()).pages[0].extract_text()
    assert "부산에서 김민수 드림" in extracted
    assert Letter.objects.get().language == "ko"


def test_supporter_writes_to_two_offices_at_once(demo_site, page, screenshot):
    unhcr = Official.objects.get(title="UN High Commissioner for Refugees")
    minister = Official.objects.get(title="Minister of Unification")
    page.goto(f"{demo_site.url}/letters/")
    page.get_by_label("UN High Commissioner for Refugees").check()
    page.get_by_label("Minister of Unification").check()
    page.get_by_role("button", name="Next: what to ask").click()
    page.get_by_role("heading", name="What should your letters ask for?").wait_for()
    # The petition's demand comes first, ticked, worded for each office.
    first = page.locator("input[name=points]").first
    assert first.is_checked()
    about_first = page.locator(f"#{first.get_attribute('aria-describedby').split()[0]}")
    assert "To UN High Commissioner for Refugees: “Urge the Chinese" in about_first.inner_text()
    assert "To Minister of Unification: “Raise the matter with Beijing" in (
        about_first.inner_text()
    )
    assert_accessible(page)
    screenshot(page, "letters-two-offices-points")
    page.get_by_role("button", name="Next: about you").click()
    page.get_by_label("Your name").fill("Alice Kim")
    page.get_by_label("Your town or city").fill("Toronto")
    page.get_by_label("Email address for a reply (optional)").fill("alice@example.org")
    page.get_by_role("button", name="Next: see your letter").click()
    page.get_by_role("heading", name="Check and edit your 2 letters").wait_for()
    to_unhcr = page.get_by_role("textbox", name="Your letter to UN High Commissioner for Refugees")
    to_minister = page.get_by_role("textbox", name="Your letter to Minister of Unification")
    assert to_unhcr.input_value().startswith("Dear High Commissioner,")
    assert "alice@example.org" in to_unhcr.input_value()
    assert to_minister.input_value().startswith("존경하는 통일부 장관님께")
    assert to_minister.get_attribute("lang") == "ko"
    rendering = page.get_by_role("complementary", name="What this letter says, in English")
    assert rendering.inner_text().count("Dear Minister,") == 1
    # htmx swapped every step in: the page itself never reloaded.
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert_accessible(page)
    screenshot(page, "letters-two-offices-edit")
    page.get_by_role("button", name="My letters are ready").click()
    page.get_by_role("heading", name="Your 2 letters are ready").wait_for()
    assert Letter.objects.filter(official__in=[unhcr, minister]).count() == 2
    ready = page.locator("section.letter-ready")
    assert ready.count() == 2
    assert_accessible(page)
    screenshot(page, "letters-two-offices-ready")
    korean = ready.filter(has_text="Minister of Unification")
    with page.expect_download() as download:
        korean.get_by_role("button", name="Download as PDF").click()
    extracted = PdfReader(download.value.path()).pages[0].extract_text()
    assert "Alice Kim 드림" in extracted and "alice@example.org" in extracted
    with page.expect_download() as download:
        ready.filter(has_text="UN High Commissioner").get_by_role(
            "button", name="Download as text"
        ).click()
    assert "Dear High Commissioner," in Path(download.value.path()).read_text(encoding="utf-8")


def test_two_offices_without_javascript(demo_site, page_without_js):
    page = page_without_js
    page.goto(f"{demo_site.url}/letters/")
    page.get_by_label("UN Special Rapporteur").check()
    page.get_by_label("Ambassador of the People's Republic of China").check()
    page.get_by_role("button", name="Next: what to ask").click()
    page.get_by_role("button", name="Next: about you").click()
    page.get_by_label("Your name").fill("Daniel Reyes")
    page.get_by_role("button", name="Next: see your letter").click()
    rapporteur = page.get_by_role("textbox", name="Your letter to UN Special Rapporteur")
    ambassador = page.get_by_role("textbox", name="Your letter to Ambassador of the")
    assert "public reports" in rapporteur.input_value()
    assert "your government" in ambassador.input_value()
    page.get_by_role("button", name="My letters are ready").click()
    page.get_by_role("heading", name="Your 2 letters are ready").wait_for()
    assert page.locator("section.letter-ready").count() == 2
