"""A supporter writes to an official in a real browser, with and without JavaScript."""

from datetime import date

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
    ours = page.get_by_label("Stop the forced repatriation of North Korean defectors", exact=True)
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
