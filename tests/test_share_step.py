"""The share step after signing and after confirming, and the ?ref= its links carry."""

import re
from html import unescape
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.utils import translation

from campaign.models import Signature
from campaign.moderation import dashboard
from campaign.petition import signatures
from tests.factories import link_from_mail, make_signature, sign, signature_form

pytestmark = pytest.mark.django_db


def hrefs(html):
    return [unescape(href) for href in re.findall(r'href="([^"]+)"', html)]


SERVICES = {"twitter.com", "www.facebook.com", "wa.me", "t.me", "social-plugins.line.me"}


def share_hrefs(html):
    return {
        href
        for href in hrefs(html)
        if href.startswith("mailto:") or urlsplit(href).netloc in SERVICES
    }


def confirm_by_mail(client, petition, on_commit, **fields):
    mail.outbox.clear()
    sign(client, petition, on_commit, **fields)
    return client.post(link_from_mail(mail.outbox[-1]))


def test_after_confirming_the_signer_learns_their_number_and_gets_a_message_with_it(
    client, petition, on_commit
):
    make_signature(petition, email="first@example.org")
    make_signature(petition, email="second@example.org")
    response = confirm_by_mail(client, petition, on_commit)
    html = client.get(response["Location"]).content.decode()
    assert "You are signer number <strong>3</strong>." in html
    message = re.search(r'<textarea id="share-message"[^>]*>([^<]*)</textarea>', html).group(1)
    assert unescape(message) == (
        f"I am signer number 3 of the petition “{petition.title}”. Will you sign it too?"
    )
    assert Signature.objects.get(email="mina@example.org").signer_number == 3


def test_the_number_cannot_be_made_up(client, petition):
    page = client.get(f"/petitions/{petition.slug}/thanks/?n=WzEsOTk5OV0:forged:signature")
    html = page.content.decode()
    assert page.status_code == 200
    assert "signer number" not in html
    assert "I have signed the petition" in unescape(html)


def test_a_number_for_another_petition_is_not_shown(client, petition):
    from tests.factories import make_petition

    other = make_petition()
    signature = make_signature(other, email="x@example.org")
    path = signatures.thanks_path(signature).replace(other.slug, petition.slug)
    assert "signer number" not in client.get(path).content.decode()


def test_the_already_confirmed_page_leads_to_the_number_too(client, petition, on_commit):
    response = confirm_by_mail(client, petition, on_commit)
    confirm_link = link_from_mail(mail.outbox[-1])
    html = client.get(confirm_link).content.decode()
    assert "already confirmed" in html
    assert "You are signer number <strong>1</strong>." in html
    assert unescape(response["Location"]) in hrefs(html)


def test_in_korean_the_share_message_is_korean(client, petition, on_commit):
    # Signed and confirmed on the Korean pages (/ko/...).
    with translation.override("ko"):
        response = confirm_by_mail(client, petition, on_commit)
    html = unescape(client.get(response["Location"]).content.decode())
    assert "1번째 서명자입니다" in html
    assert "함께 서명해 주시겠어요?" in html


def test_after_signing_the_inbox_page_offers_the_share_step(client, petition, on_commit):
    response = sign(client, petition, on_commit)
    html = unescape(client.get(response["Location"]).content.decode())
    assert f"I have signed the petition “{petition.title}”. Will you sign it too?" in html
    assert 'id="share-heading"' in html
    assert "/static/js/share.js" in html


def test_the_htmx_notice_points_to_the_share_step(client, petition, on_commit):
    with on_commit():
        response = client.post(
            petition.get_absolute_url(), signature_form(), HTTP_HX_REQUEST="true"
        )
    html = response.content.decode()
    assert f'href="/petitions/{petition.slug}/check-inbox/#share"' in html


def test_every_share_link_carries_where_it_was_posted(client, petition):
    html = client.get(petition.get_absolute_url()).content.decode()
    found = {}
    for href in share_hrefs(html):
        target = unquote(href)
        ref = re.search(r"\?ref=(\w+)", target).group(1)
        found[urlsplit(href).netloc or "mailto"] = ref
    assert found == {
        "mailto": "email",
        "twitter.com": "x",
        "www.facebook.com": "facebook",
        "wa.me": "whatsapp",
        "t.me": "telegram",
        "social-plugins.line.me": "line",
    }
    # The copied link, the device's share menu and KakaoTalk's copy have their own.
    assert f'value="http://127.0.0.1:8000/petitions/{petition.slug}/?ref=link"' in html
    assert f'data-share-url="http://127.0.0.1:8000/petitions/{petition.slug}/?ref=share"' in html
    assert f'/petitions/{petition.slug}/?ref=kakaotalk"' in html
    # Without JavaScript the buttons stay hidden and the links and the field remain.
    assert re.search(r'<button type="button"[^>]*data-share-url[^>]*hidden>', html)


def test_the_share_message_goes_with_the_links(client, petition):
    html = client.get(petition.get_absolute_url()).content.decode()
    x_link = next(h for h in share_hrefs(html) if "twitter.com" in h)
    text = parse_qs(urlsplit(x_link).query)["text"][0]
    assert text == f"Please sign the petition “{petition.title}”."


def test_a_signer_who_came_by_a_share_link_is_counted_under_it(client, petition, on_commit):
    html = client.get(f"{petition.get_absolute_url()}?ref=whatsapp").content.decode()
    assert '<input type="hidden" name="ref" value="whatsapp"' in html
    sign(client, petition, on_commit, ref="whatsapp")
    assert Signature.objects.get().ref == "whatsapp"


@pytest.mark.parametrize("ref", ["spam", "<script>", "x" * 5000, "WHATSAPP"])
def test_an_unknown_ref_is_dropped_without_an_error(client, petition, on_commit, ref):
    response = sign(client, petition, on_commit, ref=ref)
    assert response.status_code == 302
    assert Signature.objects.get().ref == ""


def test_the_dashboard_lists_signatures_by_share_link(client, petition, moderator):
    make_signature(petition, email="a@example.org", ref="whatsapp")
    make_signature(petition, email="b@example.org", ref="whatsapp")
    make_signature(petition, email="c@example.org", ref="kakaotalk")
    make_signature(petition, email="d@example.org")
    make_signature(petition, email="e@example.org", ref="x", state="pending")
    assert dashboard.by_share_link(petition) == [
        ("whatsapp", "WhatsApp", 2),
        ("", "No share link", 1),
        ("kakaotalk", "KakaoTalk", 1),
    ]
    html = client.get(f"/admin/dashboard/?petition={petition.pk}").content.decode()
    table = re.search(r'<table id="table-refs">.*?</table>', html, re.S).group(0)
    assert "<th scope=\"row\">WhatsApp</th><td>2</td>" in table
    assert "<th scope=\"row\">No share link</th><td>1</td>" in table


class TestCachedVariants:
    """A share link's page is kept like any page, once per known ref; anything else
    is rendered for its visitor and kept for no one."""

    @pytest.fixture(autouse=True)
    def caching(self, settings):
        from campaign.lib import fragments

        settings.PUBLIC_CACHE_SECONDS = 60
        cache.clear()
        fragments.clear_local()

    def kept(self, petition, path):
        """The whole page kept for `path`, if any (campaign.lib.pages.cached_page)."""
        from campaign.lib import fragments

        parts = ["petitions", settings.SITE_URL, path, str(petition.pk), "en"]
        key = "fragment:" + fragments.digest(parts)
        return cache.get(key)

    def test_a_known_ref_has_its_own_kept_page_with_its_ref_in_the_form(self, client, petition):
        path = f"{petition.get_absolute_url()}?ref=telegram"
        html = client.get(path).content.decode()
        assert 'name="ref" value="telegram"' in html
        assert self.kept(petition, path) is not None
        client.cookies.clear()
        plain = client.get(petition.get_absolute_url()).content.decode()
        assert 'value="telegram"' not in plain

    @pytest.mark.parametrize(
        "query", ["ref=nonsense", "ref=%78", "ref=x&ref=x", "ref=x&utm_source=a", "ref="]
    )
    def test_other_query_strings_are_not_kept(self, client, petition, query):
        path = f"{petition.get_absolute_url()}?{query}"
        assert client.get(path).status_code == 200
        assert self.kept(petition, path) is None
