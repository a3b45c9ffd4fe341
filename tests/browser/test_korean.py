"""A reader switches the site to Korean and uses it: Korean pages at their own addresses
(/ko/...), Korean content where editors gave it, English content marked as English."""

import pytest

from campaign.models import Official

pytestmark = pytest.mark.django_db(transaction=True)


def switch_language(page, name):
    page.get_by_role("combobox", name="Language").or_(
        page.get_by_role("combobox", name="언어")
    ).select_option(label=name)
    page.locator(".language-switcher button").click()


def test_reader_switches_to_korean_and_stays_on_the_briefing(demo_site, page, screenshot):
    path = "/briefings/china-and-defectors/"
    page.goto(demo_site.url + path)
    assert page.locator("html").get_attribute("lang") == "en"
    switch_language(page, "한국어")
    page.wait_for_function("document.documentElement.lang === 'ko'")
    # The same briefing at its Korean address.
    assert page.url == demo_site.url + "/ko" + path

    nav = page.get_by_role("navigation", name="주 메뉴")
    assert nav.get_by_role("link").all_inner_texts() == [
        "브리핑", "핵심 요구", "청원", "편지 쓰기", "공직자"
    ]  # fmt: skip
    assert page.get_by_role("heading", name="행동하기").is_visible()
    assert page.get_by_role("link", name="본문으로 건너뛰기").count() == 1
    # The title has a Korean version; the editorial is English text in a Korean page, and
    # says so.
    assert page.locator("h1").inner_text() == "중국과 탈북자"
    assert page.locator("h1").get_attribute("lang") is None
    assert page.locator(".briefing__body").get_attribute("lang") == "en"
    # The labels the site adds inside it are Korean, and say so too.
    label = page.locator("mark.cta .visually-hidden").first
    assert (label.inner_text().strip(), label.get_attribute("lang")) == ("행동 촉구:", "ko")
    use_it = page.locator(".briefing__body a.mark-link").first
    assert (use_it.inner_text(), use_it.get_attribute("lang")) == ("이 내용으로 편지 쓰기", "ko")
    # Dates follow Korean conventions.
    assert page.locator(".briefing time").inner_text() == "2012년 4월 4일"
    screenshot(page, "korean-briefing")

    switch_language(page, "English")
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.url == demo_site.url + path
    assert page.locator("h1").inner_text() == "China and defectors"
    assert page.get_by_role("heading", name="Take action").is_visible()


def test_korean_home_and_petition_pages(demo_site, browser, screenshot):
    context = browser.new_context(locale="ko-KR", extra_http_headers={"Accept-Language": "ko"})
    page = context.new_page()
    page.goto(demo_site.url + "/")
    # The browser prefers Korean: the home page's Korean address, which names both.
    assert page.url == demo_site.url + "/ko/"
    assert page.locator("html").get_attribute("lang") == "ko"
    alternates = page.locator("link[rel=alternate]")
    assert {alternates.nth(i).get_attribute("hreflang") for i in range(alternates.count())} == {
        "en", "ko", "x-default"
    }  # fmt: skip
    assert page.locator('link[hreflang="ko"]').get_attribute("href").endswith("/ko/")
    assert page.locator("link[rel=canonical]").get_attribute("href").endswith("/ko/")
    assert page.get_by_role("heading", level=1).inner_text() == "탈북민 강제 송환을 멈춰 주십시오"
    # The featured briefings in Korean.
    assert page.get_by_role("heading", name="인도적인 중국").is_visible()
    assert page.locator("#language-select").input_value() == "ko"
    screenshot(page, "korean-home")

    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="청원").click()
    assert page.get_by_role("heading", name="청원에 서명하기").first.is_visible()
    assert page.locator(".petition-count").inner_text() == "0명 서명"
    assert page.get_by_text("목표: 10,000명").is_visible()
    assert page.url == demo_site.url + "/ko/petition/"
    assert page.locator("h1").inner_text() == "탈북민 강제 북송을 중단하십시오"
    assert page.locator("h1").get_attribute("lang") is None
    assert page.get_by_text("청원 받는 곳: 중화인민공화국 정부").is_visible()
    assert page.get_by_role("heading", name="청원을 시작합니다").is_visible()
    form = page.locator(".petition__aside form")
    assert form.get_by_label("이메일 주소").is_visible()
    assert form.get_by_label("국가").locator("option[value=KR]").inner_text() == "대한민국"
    screenshot(page, "korean-petition")
    context.close()


def test_korean_reader_writes_to_a_korean_office_in_korean(demo_site, browser):
    context = browser.new_context(locale="ko-KR", extra_http_headers={"Accept-Language": "ko"})
    page = context.new_page()
    minister = Official.objects.get(title_en="Minister of Unification")
    page.goto(f"{demo_site.url}/letters/?official={minister.pk}")
    page.get_by_role("button", name="다음: 보내는 사람").click()
    page.get_by_label("이름").fill("김민수")
    page.get_by_label("사는 도시").fill("부산")
    page.get_by_role("button", name="다음: 편지 보기").click()
    letter = page.get_by_role("textbox", name="편지 내용")
    assert letter.input_value().startswith("존경하는 통일부 장관님께")
    assert letter.get_attribute("lang") == "ko"
    page.get_by_role("button", name="편지를 다 썼습니다").click()
    page.get_by_role("heading", name="편지가 준비되었습니다").wait_for()
    assert page.get_by_role("textbox", name="편지 내용").get_attribute("lang") == "ko"
    context.close()


def test_a_korean_letter_in_an_english_page_is_marked_as_korean(demo_site, page):
    minister = Official.objects.get(title_en="Minister of Unification")
    page.goto(f"{demo_site.url}/letters/?official={minister.pk}")
    page.get_by_role("button", name="Next: about you").click()
    page.get_by_label("Your name").fill("Alice Kim")
    page.get_by_role("button", name="Next: see your letter").click()
    letter = page.get_by_role("textbox", name="Your letter")
    assert letter.input_value().startswith("존경하는 통일부 장관님께")
    assert letter.get_attribute("lang") == "ko"
    assert page.get_by_label("Subject").get_attribute("lang") == "ko"


def test_the_language_switcher_works_without_javascript_and_keeps_the_address(
    demo_site, page_without_js
):
    page = page_without_js
    minister = Official.objects.get(title_en="Minister of Unification")
    address = f"/letters/?official={minister.pk}"
    page.goto(demo_site.url + address)
    switch_language(page, "한국어")
    page.wait_for_url(demo_site.url + "/ko" + address)
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.get_by_role("heading", level=1).inner_text() == "공직자에게 편지 쓰기"
    # Still writing to the same office: the address kept its ?official=.
    step = page.get_by_role("heading", name="통일부 장관에게 보내는 편지에서")
    assert step.is_visible()


def test_an_editor_gives_the_petition_a_korean_title_and_korean_readers_see_it(
    demo_site, page, browser, screenshot
):
    from campaign.roles import EDITORS
    from tests.factories import PASSWORD, make_staff

    make_staff("korean-editor", EDITORS)
    page.goto(demo_site.url + "/admin/login/")
    page.get_by_label("Username").fill("korean-editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Petitions").first.click()
    # The list says what is not translated yet; the demo's petition is, but for its title.
    from campaign.models import Petition

    Petition.objects.update(title_ko="")
    page.reload()
    assert page.get_by_text("Not yet translated: title").is_visible()
    page.get_by_role("link", name="Stop the forced repatriation of North Korean defectors").click()
    korean_title = page.locator("#id_title_ko")
    assert "not yet translated" in page.locator("label[for=id_title_ko]").inner_text()
    # Both languages on one row.
    english_box = page.locator("#id_title_en").bounding_box()
    assert abs(korean_title.bounding_box()["y"] - english_box["y"]) < 5
    screenshot(page, "admin-korean-title")
    korean_title.fill("중국은 탈북민을 돌려보내지 마십시오")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("was changed successfully").wait_for()

    context = browser.new_context(locale="ko-KR", extra_http_headers={"Accept-Language": "ko"})
    reader = context.new_page()
    reader.goto(demo_site.url + "/petition/")
    assert reader.locator("h1").inner_text() == "중국은 탈북민을 돌려보내지 마십시오"
    context.close()
