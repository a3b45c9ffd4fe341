"""Sending a finished letter: mail program, copy, print, PDF and text downloads."""

from io import BytesIO
from urllib.parse import quote, unquote

import pytest
from pypdf import PdfReader

from campaign.letters.compose import MAILTO_LIMIT, mailto_url
from campaign.letters.services import letter_token
from campaign.letters.wording import KO_SUBJECTS
from campaign.models import Letter
from tests.factories import make_official, make_point
from tests.letter_forms import download, form_fields, ready_letters, submit, the_letter

pytestmark = pytest.mark.django_db


def finish_letter(client, official, name="Alice", text=None, share=False, **about):
    page = client.get(f"/letters/?official={official.pk}")
    about_step = submit(client, page)
    # No talking points here: the sender's own words carry the letter.
    personal = "My family fled across the border."
    draft = submit(client, about_step, replace={"name": name, "city": "Seoul",
                                                 "personal": personal, **about})  # fmt: skip
    replace = {"share": "on" if share else None}
    if text is not None:
        replace[the_letter(draft)[0]] = text
    return submit(client, draft, replace=replace)


def form_fields_of_download(ready):
    letter = ready_letters(ready)[0]
    return [("subject", letter["subject"]), ("text", letter["text"])]


def test_mailto_is_percent_encoded_utf8_with_crlf_and_no_plus():
    body = "존경하는 장관님께\n\n감사합니다 + 안녕"
    url = mailto_url("minister@example.org", "강제 북송 중단", body)
    assert url.startswith("mailto:minister@example.org?subject=")
    assert "+" not in url and " " not in url
    assert "%20" in url
    assert "%0D%0A%0D%0A" in url
    assert "%2B" in url
    assert "%EC%A1%B4%EA%B2%BD" in url  # 존경 in UTF-8
    subject, body = url.split("?", 1)[1].split("&", 1)
    assert unquote(subject.removeprefix("subject=")) == "강제 북송 중단"
    assert unquote(body.removeprefix("body=")) == "존경하는 장관님께\r\n\r\n감사합니다 + 안녕"


def test_mailto_body_with_ampersand_and_question_mark_stays_in_the_body():
    url = mailto_url("a@example.org", "Q&A?", "Is it fair? Yes & no.")
    assert url.count("&") == 1 and url.count("?") == 1


def test_ready_page_offers_the_mail_program_when_the_office_has_email(client):
    official = make_official(email="embassy@example.org")
    ready = finish_letter(client, official)
    html = ready.content.decode()
    assert 'href="mailto:embassy@example.org?subject=' in html
    assert "Copy the letter" in html
    assert "Download as PDF" in html


def test_long_korean_letter_is_too_long_for_a_mail_link_and_says_so(client):
    official = make_official("Minister of Unification", organisation="MOU",
                             language="ko", email="mou@example.org")  # fmt: skip
    ready = finish_letter(client, official, name="김민수", text="탈북민을 보호해 주십시오. " * 40)
    html = ready.content.decode()
    assert "too long to hand to a mail program" in html
    assert "&amp;body=" not in html
    # Which Korean subject a letter gets depends on the office's id, which
    # differs between databases.
    subject = dict(form_fields_of_download(ready))["subject"]
    assert subject in KO_SUBJECTS
    assert f'href="mailto:mou@example.org?subject={quote(subject, safe="")}"' in html
    assert len(mailto_url("mou@example.org", "s", "탈북민을 보호해 주십시오. " * 40)) > MAILTO_LIMIT


def test_without_email_there_is_no_mail_link_and_other_ways_are_offered(client):
    official = make_official(contact_url="https://embassy.example.org/contact",
                             postal_address="1 Example Street\nSeoul")  # fmt: skip
    ready = finish_letter(client, official)
    html = ready.content.decode()
    assert "mailto:" not in html
    assert "publishes no email address" in html
    assert 'href="https://embassy.example.org/contact"' in html
    assert "1 Example Street<br>Seoul" in html


def test_pdf_download_has_extractable_english_text(client):
    official = make_official(postal_address="27 Example Road\nSeoul")
    ready = finish_letter(client, official, text="Your Excellency,\n\nPlease act & help.\n\nAlice")
    response = download(client, ready, "letter.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="letter-')
    text = PdfReader(BytesIO(response.content)).pages[0].extract_text()
    assert "Your Excellency," in text
    assert "Please act & help." in text
    assert "27 Example Road" in text


def test_pdf_download_has_extractable_korean_text(client):
    official = make_official("Minister of Unification", organisation="통일부", language="ko")
    make_point("Protect defectors", ask_ko="탈북민을 보호해 주십시오",
               addressee=official.category)  # fmt: skip
    ready = finish_letter(client, official, name="김민수")
    response = download(client, ready, "letter.pdf")
    text = PdfReader(BytesIO(response.content)).pages[0].extract_text()
    assert "존경하는 장관님께" in text
    assert "탈북민을 보호해 주십시오." in text
    assert "김민수 드림" in text
    assert "년" in text and "월" in text  # the date, Korean style


def test_text_download_is_utf8_attachment_with_crlf(client):
    official = make_official("Minister of Unification", organisation="MOU", language="ko")
    ready = finish_letter(client, official, name="김민수", text="장관님께\n\n감사합니다.")
    response = download(client, ready, "letter.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="letter-')
    assert response["Content-Disposition"].endswith('.txt"')
    body = response.content.decode("utf-8")
    assert body.endswith("장관님께\r\n\r\n감사합니다.\r\n")


def test_print_view_shows_the_letter_only(client):
    official = make_official(postal_address="27 Example Road")
    ready = finish_letter(client, official, text="Your Excellency,\n\nI <b>ask</b>.\n\nAlice")
    response = download(client, ready, "print/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "I &lt;b&gt;ask&lt;/b&gt;." in html
    assert "site-header" not in html and "<nav" not in html
    assert "27 Example Road" in html
    assert "/static/css/site.css" in html


def test_downloads_do_not_count_the_letter_again(client):
    official = make_official()
    ready = finish_letter(client, official)
    for url_name in ("letter.pdf", "letter.txt", "print/", "letter.pdf"):
        assert download(client, ready, url_name).status_code == 200
    assert Letter.objects.count() == 1


@pytest.mark.parametrize("token", ["nonsense", "1:forged:signature"])
def test_forged_letter_link_gets_a_clear_error(client, token):
    response = client.post(f"/letters/{token}/letter.pdf", {"subject": "s", "text": "t"})
    assert response.status_code == 400
    assert "This letter link does not work" in response.content.decode()


def test_download_with_too_long_text_gets_a_clear_error(client):
    letter = Letter.objects.create(official=make_official(), language="en", key="k")
    text = "x" * 10001
    response = client.post(
        f"/letters/{letter_token(letter, 's', text)}/letter.txt", {"subject": "s", "text": text}
    )
    assert response.status_code == 400


def test_downloads_only_answer_posts(client):
    letter = Letter.objects.create(official=make_official(), language="en", key="k")
    assert client.get(f"/letters/{letter_token(letter, 's', 't')}/letter.pdf").status_code == 405


def test_ready_page_carries_a_signed_token_not_the_raw_id(client):
    ready = finish_letter(client, make_official())
    letter = Letter.objects.get()
    (finished,) = ready_letters(ready)
    assert finished["token"] != str(letter.pk)
    expected = letter_token(letter, finished["subject"], finished["text"], finished["sender"])
    assert f"/letters/{expected}/letter.pdf" in ready.content.decode()
    assert form_fields(ready) == []  # the wizard form is gone: the letter is finished
