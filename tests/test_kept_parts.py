"""Pages rendered for one visitor (a session, an editor, htmx) are made of kept parts.

The page cache serves only anonymous visitors. Everyone else gets a page rendered
for them, but its parts that are the same for everyone (the layout, a petition's
header, the signing form of a new visitor, the share links, a briefing's text) are
kept per language (campaign/templatetags/public_cache.py). These tests hold them to
what the page cache promises: an editor's change shows at once, languages do not
mix, and each visitor gets their own token, time-stamp and typed values.
"""

import re
import time
from importlib import import_module

import pytest
from django.conf import settings
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory
from django.utils import translation

from campaign.lib import fragments
from campaign.lib import pages as shared_pages
from campaign.models import CampaignSettings, Petition, Signature
from campaign.petition import abuse
from campaign.templatetags import public_cache
from tests.factories import create_briefing, make_petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(kept_parts):
    public_cache.forget_layout_parts()
    yield kept_parts
    public_cache.forget_layout_parts()


def with_session(**cookies):
    """A visitor the page cache leaves out: one with a session."""
    client = Client(enforce_csrf_checks=True)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store["seen"] = True
    store.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key
    for name, value in cookies.items():
        client.cookies[name] = value
    return client


def hidden_values(page, name):
    return re.findall(rf'name="{name}" value="([^"]*)"', page)


def builds(monkeypatch):
    """Every kept part built from its template, by the line it starts on."""
    built = []
    original = public_cache.KeptPartNode.build

    def counted(node, context):
        built.append(node.where)
        return original(node, context)

    monkeypatch.setattr(public_cache.KeptPartNode, "build", counted)
    return built


def test_parts_of_a_page_rendered_for_one_visitor_are_built_once_and_reused(kept, monkeypatch):
    petition = make_petition()
    create_briefing()
    built = builds(monkeypatch)
    for path in ("/", petition.get_absolute_url(), "/briefings/humane-china/"):
        first = with_session().get(path).content.decode()
        assert built, path
        built.clear()
        second = with_session().get(path).content.decode()
        assert built == [], path
        assert hidden_values(first, "csrfmiddlewaretoken")
        # The same page but for each visitor's own values.
        for name in ("csrfmiddlewaretoken", "started"):
            for value in hidden_values(first, name):
                first = first.replace(value, "")
            for value in hidden_values(second, name):
                second = second.replace(value, "")
        strip = re.compile(r'"X-CSRFToken": "[^"]*"')
        assert strip.sub("", first) == strip.sub("", second)


def test_an_editors_change_to_a_petition_shows_at_once_to_a_visitor_with_a_session(kept):
    petition = make_petition(title="Stop the returns")
    visitor = with_session()
    page = visitor.get(petition.get_absolute_url()).content.decode()
    assert "<h1>Stop the returns</h1>" in page
    petition.title = "End the forced returns"
    petition.statement = "A new statement."
    petition.save()
    page = visitor.get(petition.get_absolute_url()).content.decode()
    assert "Stop the returns" not in page
    assert "<h1>End the forced returns</h1>" in page
    assert "<title>End the forced returns · " in page
    assert "A new statement." in page
    # The sign boxes on other pages show the new title too.
    assert "End the forced returns</a>" in visitor.get("/").content.decode()


def test_an_editors_change_to_a_briefing_shows_at_once_on_its_page_and_the_home_page(kept):
    make_petition()
    briefing = create_briefing(featured=True)
    visitor = with_session()
    assert "Humane China" in visitor.get(briefing.get_absolute_url()).content.decode()
    assert "Humane China" in visitor.get("/").content.decode()
    briefing.title = "A China that shelters"
    briefing.body = "A new first paragraph."
    briefing.save()
    page = visitor.get(briefing.get_absolute_url()).content.decode()
    assert "Humane China" not in page
    assert "A China that shelters" in page and "A new first paragraph." in page
    home = visitor.get("/").content.decode()
    assert "Humane China" not in home and "A China that shelters" in home


def test_pausing_signing_takes_the_kept_forms_away_at_once(kept):
    petition = make_petition()
    create_briefing()
    visitor = with_session()
    paths = [petition.get_absolute_url(), "/", "/briefings/humane-china/"]
    for path in paths:
        assert 'name="email"' in visitor.get(path).content.decode()
    switches = CampaignSettings.load()
    switches.signing_paused = True
    switches.save()
    for path in paths:
        page = visitor.get(path).content.decode()
        assert 'name="email"' not in page, path
    assert "Signing is paused for now." in visitor.get(petition.get_absolute_url()).content.decode()


def test_two_languages_do_not_mix_in_kept_parts(kept):
    petition = make_petition()
    visitor = with_session()
    english_path = petition.get_absolute_url()
    with translation.override("ko"):
        korean_path = petition.get_absolute_url()
    for _round in range(2):
        english = visitor.get(english_path).content.decode()
        korean = visitor.get(korean_path).content.decode()
        assert '<html lang="en">' in english and '<html lang="ko">' in korean
        for words, korean_words in (
            ("Briefings", "브리핑"),  # the navigation
            ("Your name", "이름"),  # the signing form
            ("Share the petition", "청원 알리기"),  # the share links
            ("Privacy", "개인정보 보호"),  # the footer
        ):
            assert f">{words}<" in english or f"{words}</label>" in english, words
            assert korean_words in korean and korean_words not in english, words
        assert 'href="/ko/briefings/"' in korean and 'href="/ko/briefings/"' not in english


def test_each_visitor_gets_their_own_token_and_time_stamp_and_can_sign(kept, settings):
    settings.SIGNING_MIN_FILL_SECONDS = 0
    petition = make_petition()
    visitors = [with_session(**{settings.CSRF_COOKIE_NAME: f"{n}" * 32}) for n in range(1, 3)]
    for path in (petition.get_absolute_url(), "/"):
        for visitor in visitors:
            page = visitor.get(path).content.decode()
            assert shared_pages.marker() not in page
            secret = visitor.cookies[settings.CSRF_COOKIE_NAME].value
            tokens = hidden_values(page, "csrfmiddlewaretoken")
            tokens.append(re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1))
            assert len(tokens) == 3  # the language switch, the signing form, htmx
            assert {_unmask_cipher_token(token) for token in tokens} == {secret}
            own = RequestFactory().post("/")
            own.META["CSRF_COOKIE"] = secret
            (started,) = hidden_values(page, "started")
            assert abuse.fill_time_problem(started, own, now=time.time() + 5) == ""
    for number, visitor in enumerate(visitors):
        page = visitor.get(petition.get_absolute_url()).content.decode()
        response = visitor.post(petition.get_absolute_url(), {
            "csrfmiddlewaretoken": hidden_values(page, "csrfmiddlewaretoken")[-1],
            "started": hidden_values(page, "started")[0],
            "name": "Mina Park", "email": f"mina{number}@example.org", "country": "KR",
        })
        assert response.status_code == 302
    assert Signature.objects.filter(flagged=False).count() == 2


def test_what_a_visitor_typed_is_shown_to_them_and_kept_for_no_one(kept, settings):
    settings.SIGNING_MIN_FILL_SECONDS = 0
    petition = make_petition()
    typist = with_session()
    page = typist.get(petition.get_absolute_url()).content.decode()
    sent_back = typist.post(petition.get_absolute_url(), {
        "csrfmiddlewaretoken": hidden_values(page, "csrfmiddlewaretoken")[-1],
        "started": hidden_values(page, "started")[0],
        "name": "Mina Park", "email": "not-an-address", "country": "KR",
    }).content.decode()
    assert 'value="Mina Park"' in sent_back and 'value="not-an-address"' in sent_back
    assert "Please correct the fields marked below." in sent_back
    for other in (with_session(), typist):
        page = other.get(petition.get_absolute_url()).content.decode()
        assert "Mina Park" not in page and "not-an-address" not in page
        assert "Please correct the fields marked below." not in page


def test_the_navigation_marks_each_page_and_the_language_switch_returns_to_it(kept):
    petition = make_petition()
    visitor = with_session()
    for path, current in (("/briefings/", "/briefings/"), ("/petition/", "/petition/"),
                          ("/", None)):  # fmt: skip
        page = visitor.get(path).content.decode()
        marked = re.findall(r'<a href="([^"]+)" aria-current="page">', page)
        assert marked == ([current] if current else []), path
    for ref in ("link", "qr"):
        path = f"{petition.get_absolute_url()}?ref={ref}"
        page = visitor.get(path).content.decode()
        assert f'<input name="next" type="hidden" value="{path}">' in page


def kept_lookups(monkeypatch):
    """The templates whose kept parts were looked up (found or built) in the shared cache."""
    looked_up = []
    original = fragments.fragment

    def recorded(name, build, *, key=(), timeout=None):
        looked_up.append(key[0] if key else None)
        return original(name, build, key=key, timeout=timeout)

    monkeypatch.setattr(public_cache.fragments, "fragment", recorded)
    return looked_up


def test_nothing_of_a_draft_previewed_by_staff_is_kept(kept, client, editor, monkeypatch):
    draft = make_petition(state=Petition.State.DRAFT)
    briefing = create_briefing(status="draft")
    live = make_petition()
    looked_up = kept_lookups(monkeypatch)
    client.get(live.get_absolute_url())
    assert "campaign/petition_detail.html" in looked_up
    for path in (draft.get_absolute_url(), briefing.get_absolute_url()):
        looked_up.clear()
        page = client.get(path).content.decode()
        assert draft.title in page or briefing.title in page
        # Not its content, nor the sign box on the briefing with the draft as its source.
        assert [key for key in looked_up if str(key).endswith(".html")] == [], path


def test_someone_who_has_just_withdrawn_gets_every_part_rendered_anew(kept, monkeypatch):
    petition = make_petition()
    looked_up = kept_lookups(monkeypatch)
    with_session().get(petition.get_absolute_url())
    assert "campaign/petition_detail.html" in looked_up
    looked_up.clear()
    with_session(withdrawn="1").get(petition.get_absolute_url())
    assert "campaign/petition_detail.html" not in looked_up


def test_a_block_inside_a_kept_part_is_refused_rather_than_silently_never_overridden():
    from django.template import TemplateSyntaxError, engines

    for tag, end in (('publiccache "pages"', "endpubliccache"), ("layoutcache", "endlayoutcache")):
        block = "{% block x %}{% endblock %}"
        source = f"{{% load public_cache %}}{{% {tag} %}}{block}{{% {end} %}}"
        with pytest.raises(TemplateSyntaxError, match="no {% block %} inside"):
            engines["django"].from_string(source)


def test_a_made_up_briefing_source_is_shown_to_its_visitor_and_kept_for_no_one(
    kept, monkeypatch
):
    petition = make_petition()
    create_briefing()
    looked_up = kept_lookups(monkeypatch)
    visitor = with_session()
    page = visitor.get(f"{petition.get_absolute_url()}?source=humane-china").content.decode()
    assert hidden_values(page, "source") == ["humane-china"]
    assert "campaign/petition_detail.html" in looked_up
    looked_up.clear()
    page = visitor.get(f"{petition.get_absolute_url()}?source=made-up-1").content.decode()
    assert hidden_values(page, "source") == ["made-up-1"]
    assert "campaign/petition_detail.html" not in looked_up


def test_a_new_visitors_form_is_made_only_when_its_kept_block_is_rebuilt(kept, monkeypatch):
    from campaign.petition import forms

    petition = make_petition()
    create_briefing()
    made = []
    original = forms.SignatureForm.__init__

    def counted(form, *args, **kwargs):
        made.append(form)
        original(form, *args, **kwargs)

    monkeypatch.setattr(forms.SignatureForm, "__init__", counted)
    for path in (petition.get_absolute_url(), "/", "/briefings/humane-china/"):
        with_session().get(path)
        assert len(made) == 1, path
        made.clear()
        page = with_session().get(path).content.decode()
        assert made == [], path
        assert 'name="email"' in page
