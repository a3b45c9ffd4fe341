"""Every public page in Korean, with the demo's content: English inside it is marked as
English, and the page's own Korean sentences are Korean through and through."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import models

from articles.models import Briefing, Citation, TalkingPoint
from campaign import demo
from campaign.letters.models import Official, OfficialResponse
from campaign.moderation import updates
from campaign.petition import signatures
from campaign.petition.models import Petition, Signature, TimelineEntry
from campaign.site.models import Organisation
from tests.korean_text import broken_joins, unmarked_english
from tests.letter_forms import submit

pytestmark = pytest.mark.django_db

CONTENT_MODELS = (Briefing, TalkingPoint, Citation, Petition, TimelineEntry, Official,
                  OfficialResponse, Organisation, Signature)  # fmt: skip


@pytest.fixture
def site():
    """The demo as `make run` loads it (signers, comments, an update, the organisation),
    and a pending signature for the pages its mailed links open."""
    call_command("load_demo", verbosity=0)
    petition = demo.create_demo_petition(with_signers=True)
    demo.create_demo_moderation(petition)
    demo.create_demo_organisation()
    signatures.sign_petition(
        petition,
        {"name": "이지은", "email": "jieun@example.org", "country": "KR"},
        {"language": "ko"},
    )
    pending = Signature.objects.get(petition=petition, email="jieun@example.org")
    return {"petition": petition, "pending": pending}


def content_strings():
    """What editors and signers wrote, in every language: the text a test of the page's own
    wording leaves out."""
    found = {settings.SITE_NAME}
    for model in CONTENT_MODELS:
        names = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
        ]
        for row in model.objects.values_list(*names):
            for value in row:
                if value:
                    found.add(value)
                    found.update(line.strip() for line in value.splitlines() if line.strip())
    return found


def korean_pages(client, site):
    """(path, html) of every public page in Korean."""
    petition, pending = site["petition"], site["pending"]
    slug = petition.slug
    paths = [
        "/ko/",
        "/ko/briefings/",
        *(f"/ko/briefings/{b.slug}/" for b in Briefing.objects.published()),
        "/ko/talking-points/",
        "/ko/petition/",
        f"/ko/petitions/{slug}/",
        f"/ko/petitions/{slug}/check-inbox/",
        f"/ko/petitions/{slug}/resend/",
        f"/ko/petitions/{slug}/thanks/",
        f"/ko/petitions/{slug}/widget/",
        f"/ko/petitions/{slug}/confirm/{signatures.link_value(pending, signatures.CONFIRM)}/",
        f"/ko/petitions/{slug}/withdraw/{signatures.link_value(pending, signatures.WITHDRAW)}/",
        f"/ko/updates/unsubscribe/{updates.unsubscribe_token(pending)}/",
        "/ko/letters/",
        *(f"/ko/letters/?official={o.pk}" for o in Official.objects.active()),
        "/ko/officials/",
        "/ko/about/",
        "/ko/privacy/",
        "/ko/no-such-page/",
    ]
    pages = []
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404), (path, response.status_code)
        pages.append((path, response.content.decode()))
    # The letter's last steps, to a Korean-speaking office and to an English-speaking one.
    for language in ("ko", "en"):
        official = Official.objects.filter(language=language).first()
        response = client.get(f"/ko/letters/?official={official.pk}")
        about = submit(client, response, path="/ko/letters/")
        pages.append((f"/ko/letters/ (about you, {official})", about.content.decode()))
        letter = submit(client, about, path="/ko/letters/",
                        replace={"name": "박서준", "city": "서울"})  # fmt: skip
        pages.append((f"/ko/letters/ (the letter, {official})", letter.content.decode()))
    return pages


@pytest.fixture
def pages(client, site):
    return korean_pages(client, site)


def test_the_checks_find_what_they_look_for():
    page = (
        '<html lang="ko"><head><title>청원</title></head><body>'
        "<p>Safe Passage은(는) 캠페인입니다.</p><p lang=\"en\">Stop the returns now</p>"
        "<p>Stop the returns now</p><p>PDF로 내려받기</p><p>the embassy에 보내는 청원</p>"
        '<img alt="A QR code for posters" src="x"></body></html>'
    )
    assert unmarked_english(page) == [
        "'Stop the returns now' in html/body/p",
        "'A QR code for posters' in <img alt>",
    ]
    joins = broken_joins(page, content={"Stop the returns now"})
    assert joins[0].startswith("hedged particle in 'Safe Passage은(는) 캠페인입니다.'")
    assert "['Safe', 'Passage'] in the Korean sentence" in joins[1]
    assert "['the', 'embassy'] in the Korean sentence" in joins[2]
    assert len(joins) == 3  # content and acronyms are left alone


def test_the_walk_covers_the_korean_content(pages):
    by_path = dict(pages)
    assert '<html lang="ko">' in by_path["/ko/"]
    assert "탈북민 강제 북송을 중단하십시오" in by_path["/ko/petition/"]
    assert "중화인민공화국 정부" in by_path["/ko/petition/"]
    assert "다음 달 청원을 전달합니다" in by_path["/ko/petition/"]
    assert "외교부 장관" in by_path["/ko/officials/"]
    assert "예시 난민연대 네트워크(가상 단체)" in by_path["/ko/about/"]
    assert "인도적인 중국" in by_path["/ko/briefings/"]
    assert "약관" not in by_path["/ko/about/"]
    letter_pages = [html for path, html in pages if "(the letter" in path]
    assert len(letter_pages) == 2 and all("<textarea" in html for html in letter_pages)


def test_no_unmarked_english_on_korean_pages(pages):
    problems = [f"{path}: {problem}" for path, html in pages for problem in unmarked_english(html)]
    assert problems == []


def test_korean_sentences_carry_no_english_of_their_own(pages):
    content = content_strings()
    problems = [
        f"{path}: {problem}" for path, html in pages for problem in broken_joins(html, content)
    ]
    assert problems == []


def test_english_content_not_yet_translated_is_marked_on_korean_pages(client, site):
    petition = site["petition"]
    Petition.objects.filter(pk=petition.pk).update(title_ko="", addressee_ko=None)
    html = client.get("/ko/petition/").content.decode()
    assert f'<h1 lang="en">{petition.title_en}</h1>' in html
    assert '<span lang="en">the government of the People&#x27;s Republic of China</span>' in html
    # (The <title> can only be in the page's language: it shows the English title as it is.)
    assert unmarked_english(html.split("<body")[1]) == []
    # The English page marks nothing: it is all in its own language.
    english = client.get("/petition/").content.decode()
    assert f"<h1>{petition.title_en}</h1>" in english
