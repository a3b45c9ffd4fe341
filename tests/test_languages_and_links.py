"""Each page has an address per language, visitors reach theirs, and every link the site
makes (in pages and in mail) leads to the right host and the reader's language."""

import pytest
from django.core import mail
from django.utils import translation

from campaign.moderation import updates
from campaign.moderation.models import CampaignUpdate
from campaign.petition.models import Signature
from tests.factories import link_from_mail, make_signature, signature_form

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml"}


# Addresses per language --------------------------------------------------------


def test_english_pages_keep_their_addresses_and_korean_ones_live_under_ko(client, petition):
    english = client.get(f"/petitions/{petition.slug}/")
    korean = client.get(f"/ko/petitions/{petition.slug}/")
    assert (english.status_code, english["Content-Language"]) == (200, "en")
    assert (korean.status_code, korean["Content-Language"]) == (200, "ko")
    assert '<html lang="ko">' in korean.content.decode()
    with translation.override("ko"):
        assert petition.get_absolute_url() == f"/ko/petitions/{petition.slug}/"


def test_pages_name_their_alternates_and_their_canonical_address(client, petition):
    html = client.get("/ko/petition/").content.decode()
    detail = f"/petitions/{petition.slug}/"
    assert f'<link rel="alternate" hreflang="en" href="http://127.0.0.1:8000{detail}">' in html
    assert f'<link rel="alternate" hreflang="ko" href="http://127.0.0.1:8000/ko{detail}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="http://127.0.0.1:8000{detail}">' in (
        html
    )
    # /petition/ shows the current petition: its own address is the canonical one.
    assert f'<link rel="canonical" href="http://127.0.0.1:8000/ko{detail}">' in html
    about = client.get("/about/").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8000/about/">' in about


def test_a_visitor_who_prefers_korean_is_sent_to_the_korean_page(client, petition):
    response = client.get("/briefings/?x=1", HTTP_ACCEPT_LANGUAGE="ko-KR,ko;q=0.9", **BROWSER)
    assert (response.status_code, response["Location"]) == (302, "/ko/briefings/?x=1")
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]


def test_the_language_chosen_on_the_switch_beats_the_browsers(client, petition):
    client.cookies["django_language"] = "en"
    response = client.get("/briefings/", HTTP_ACCEPT_LANGUAGE="ko", **BROWSER)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "request_kind",
    [
        {"HTTP_ACCEPT": "application/json"},  # data
        {**BROWSER, "HTTP_HX_REQUEST": "true"},  # the live counter
    ],
)
def test_data_and_htmx_requests_answer_where_they_are_asked(client, petition, request_kind):
    path = f"/petitions/{petition.slug}/count/"
    assert client.get(path, HTTP_ACCEPT_LANGUAGE="ko", **request_kind).status_code == 200


def test_addresses_with_one_language_follow_the_visitor(client):
    # The admin has one address; its language is the visitor's, as before.
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ko", **BROWSER)
    assert response.status_code == 200
    assert '<html lang="ko"' in response.content.decode()
    assert client.get("/healthz", HTTP_ACCEPT_LANGUAGE="ko", **BROWSER).status_code == 200


@pytest.mark.parametrize(
    ("language", "next_url", "expected"),
    [
        ("ko", "/briefings/humane-china/?from=nav", "/ko/briefings/humane-china/?from=nav"),
        ("en", "/ko/briefings/humane-china/", "/briefings/humane-china/"),
        ("ko", "/ko/", "/ko/"),
        ("ko", "/admin/", "/admin/"),  # one address for both
    ],
)
def test_the_language_switch_moves_to_the_same_page_in_the_other_language(
    client, language, next_url, expected
):
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert (response.status_code, response["Location"]) == (302, expected)
    assert response.cookies["django_language"].value == language


# Links from the request's host ---------------------------------------------------


def test_in_development_mailed_links_follow_the_address_the_site_is_served_on(
    client, petition, on_commit, settings
):
    settings.DEBUG = True
    with on_commit():
        client.post(
            f"/ko/petitions/{petition.slug}/", signature_form(), HTTP_HOST="127.0.0.1:8101"
        )
    body = mail.outbox[0].body
    assert f"http://127.0.0.1:8101/ko/petitions/{petition.slug}/confirm/" in body
    assert "http://127.0.0.1:8000" not in body


def test_in_production_mailed_links_use_the_site_address(client, petition, on_commit, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    with on_commit():
        client.post(petition.get_absolute_url(), signature_form(), HTTP_HOST="localhost")
    assert f"http://127.0.0.1:8000/petitions/{petition.slug}/confirm/" in mail.outbox[0].body


def test_share_links_and_the_qr_code_follow_the_host_in_development(client, petition, settings):
    settings.DEBUG = True
    html = client.get(f"/ko/petitions/{petition.slug}/", HTTP_HOST="localhost:8101").content
    # The link to share (with its ?ref= source tag) is on the host the page was asked on.
    assert f'value="http://localhost:8101/ko/petitions/{petition.slug}/?ref=' in html.decode()
    qr = client.get(f"/ko/petitions/{petition.slug}/qr.svg", HTTP_HOST="localhost:8101")
    assert qr.status_code == 200


def test_an_update_mailed_by_the_worker_uses_the_address_it_was_started_from(
    petition, on_commit, settings
):
    settings.DEBUG = True
    make_signature(petition, email="ko@example.org", wants_updates=True, language="ko")
    make_signature(petition, email="en@example.org", wants_updates=True, language="en")
    entry = CampaignUpdate.objects.create(
        petition=petition, date="2026-01-05", title_en="Delivered", title_ko="전달했습니다"
    )
    mailing = updates.start_update_mailing(entry, None, site_url="http://127.0.0.1:8101")
    # The task has no request: only what was stored tells it the address.
    with translation.override("en"), on_commit():
        updates.mail_update(mailing.pk)
    by_address = {message.to[0]: message for message in mail.outbox}
    korean, english = by_address["ko@example.org"], by_address["en@example.org"]
    assert "전달했습니다" in korean.subject and "Delivered" in english.subject
    assert "http://127.0.0.1:8101/ko/updates/unsubscribe/" in korean.body
    assert "http://127.0.0.1:8101/updates/unsubscribe/" in english.body


# Mail in the signer's language ---------------------------------------------------


def test_a_new_link_goes_out_in_the_language_the_signer_signed_in(client, petition, on_commit):
    with on_commit():
        client.post(f"/ko/petitions/{petition.slug}/", signature_form(email="mina@example.org"))
    # Asked for again from the English page: the signer still reads Korean.
    with on_commit():
        client.post(f"/petitions/{petition.slug}/resend/", {"email": "mina@example.org"})
    assert len(mail.outbox) == 2
    again = mail.outbox[1]
    assert again.subject.startswith("서명을 확인해 주십시오")
    assert link_from_mail(again).startswith(f"/ko/petitions/{petition.slug}/confirm/")
    assert Signature.objects.get().language == "ko"


def test_the_already_signed_notice_goes_in_the_signers_language(client, petition, on_commit):
    make_signature(petition, email="mina@example.org", language="ko")
    with on_commit():
        client.post(f"/petitions/{petition.slug}/", signature_form(email="mina@example.org"))
    assert mail.outbox[0].subject.startswith("이미 서명하셨습니다")
