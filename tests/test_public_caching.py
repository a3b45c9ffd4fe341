"""Anonymous traffic is served from the cache without mixing up visitors."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.cache import SessionStore
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from campaign.lib import choices, fragments, responses
from campaign.lib import pages as shared_pages


@pytest.fixture
def shared_cache(settings, monkeypatch):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PUBLIC_CACHE_SECONDS = 5
    settings.LOCAL_CACHE_SECONDS = 1
    clock = {"now": 1000.0}
    monkeypatch.setattr(fragments, "_clock", lambda: clock["now"])
    # The shared cache's own expiry reads the wall clock.
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: clock["now"])
    cache.clear()
    fragments.clear_local()
    yield clock
    fragments.clear_local()


def anonymous_get(path="/petitions/x.json", **headers):
    request = RequestFactory().get(path, **headers)
    request.session = SessionStore()
    request.user = AnonymousUser()
    return request


class Counter:
    """A view whose output changes every time it really runs."""

    def __init__(self):
        self.calls = 0

    def __call__(self, request):
        self.calls += 1
        return JsonResponse({"count": self.calls})


def test_token_free_response_is_shared_and_marked_public(shared_cache):
    view = responses.public_response(Counter())
    first = view(anonymous_get())
    second = view(anonymous_get())
    assert first.content == second.content == b'{"count": 1}'
    assert "public" in second["Cache-Control"] and "max-age=5" in second["Cache-Control"]
    for header in ("Cookie", "Accept-Language", "HX-Request"):
        assert header in second["Vary"]


def test_changes_show_once_the_timeout_has_passed(shared_cache):
    view = responses.public_response(Counter())
    assert view(anonymous_get()).content == b'{"count": 1}'
    shared_cache["now"] += 4
    assert view(anonymous_get()).content == b'{"count": 1}'
    shared_cache["now"] += 2
    assert view(anonymous_get()).content == b'{"count": 2}'


def test_htmx_fragment_is_never_served_for_a_full_page(shared_cache):
    def view(request):
        return HttpResponse("fragment" if request.headers.get("HX-Request") else "<html>page")

    cached = responses.public_response(view)
    assert cached(anonymous_get(HTTP_HX_REQUEST="true")).content == b"fragment"
    assert cached(anonymous_get()).content == b"<html>page"


def test_a_response_that_read_the_session_is_never_stored(shared_cache):
    def view(request):
        name = request.session.get("name", "anonymous")
        return HttpResponse(f"hello {name}")

    cached = responses.public_response(view)
    logged_in = anonymous_get()
    logged_in.session["name"] = "editor"
    assert cached(logged_in).content == b"hello editor"
    response = cached(anonymous_get())
    assert response.content == b"hello anonymous"
    assert "public" not in response.get("Cache-Control", "")


def test_a_response_with_a_csrf_token_is_never_stored(shared_cache):
    def view(request):
        return HttpResponse(f"token {get_token(request)}")

    cached = responses.public_response(view)
    first = cached(anonymous_get())
    second = cached(anonymous_get())
    assert first.content != second.content


def test_fragment_is_rebuilt_at_once_when_an_editor_saves(shared_cache):
    built = []

    def build():
        built.append(1)
        return f"body v{len(built)}"

    assert fragments.fragment("articles", build, key=["slug"]) == "body v1"
    assert fragments.fragment("articles", build, key=["slug"]) == "body v1"
    fragments.bump("articles")
    shared_cache["now"] += 1  # past this worker's own one-second copy
    assert fragments.fragment("articles", build, key=["slug"]) == "body v2"


def test_fragment_is_kept_per_language(shared_cache):
    from django.utils import translation

    with translation.override("en"):
        assert fragments.fragment("articles", lambda: "english") == "english"
    with translation.override("ko"):
        assert fragments.fragment("articles", lambda: "korean") == "korean"


@pytest.mark.django_db
def test_saving_a_briefing_bumps_the_articles_version(shared_cache):
    from articles.models import Briefing

    before = cache.get("version:articles")
    Briefing.objects.create(title="A", slug="a", body="Text")
    assert cache.get("version:articles") != before


def test_caching_is_off_unless_configured(settings):
    settings.PUBLIC_CACHE_SECONDS = 0
    view = responses.public_response(Counter())
    assert view(anonymous_get()).content == b'{"count": 1}'
    assert view(anonymous_get()).content == b'{"count": 2}'


class CountryForm(forms.Form):
    country = forms.ChoiceField(
        choices=[("", "Choose"), ("KR", "Korea"), ("JP", "Japan")],
        widget=choices.FixedChoicesSelect(attrs={"autocomplete": "country"}),
    )


def test_fixed_choices_select_renders_the_same_as_a_plain_select():
    class PlainForm(forms.Form):
        country = forms.ChoiceField(
            choices=CountryForm.base_fields["country"].choices,
            widget=forms.Select(attrs={"autocomplete": "country"}),
        )

    for data in (None, {"country": "JP"}, {"country": ""}):
        assert str(CountryForm(data)["country"]) == str(PlainForm(data)["country"])


def test_fixed_choices_select_keeps_the_chosen_value_and_errors_apart():
    empty = str(CountryForm()["country"])
    chosen = str(CountryForm({"country": "JP"})["country"])
    invalid = CountryForm({"country": ""})
    invalid.is_valid()
    assert 'value="JP" selected' in chosen and "selected" not in empty.replace(
        'value="" selected', ""
    )
    assert 'aria-invalid="true"' in str(invalid["country"])
    assert 'aria-invalid="true"' not in str(CountryForm()["country"])


def test_fixed_choices_select_follows_the_language():
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    class TranslatedForm(forms.Form):
        language = forms.ChoiceField(
            choices=[("en", gettext_lazy("English"))], widget=choices.FixedChoicesSelect
        )

    with translation.override("en"):
        english = str(TranslatedForm()["language"])
    with translation.override("ko"):
        korean = str(TranslatedForm()["language"])
    assert ">English<" in english
    assert ">영어<" in korean  # Django's own Korean catalogue


def test_template_block_is_reused_until_an_editor_saves(shared_cache):
    from django.template import Context, Template

    page = Template(
        '{% load public_cache %}{% publiccache "articles" slug %}{{ body }}{% endpubliccache %}'
    )
    assert page.render(Context({"slug": "a", "body": "first"})) == "first"
    assert page.render(Context({"slug": "a", "body": "second"})) == "first"
    assert page.render(Context({"slug": "b", "body": "other"})) == "other"
    fragments.bump("articles")
    shared_cache["now"] += 1
    assert page.render(Context({"slug": "a", "body": "second"})) == "second"


def test_stale_fragment_is_served_while_another_request_rebuilds_it(shared_cache):
    from django.core.cache import cache as shared

    assert fragments.fragment("petitions", lambda: "old", key=[1]) == "old"
    shared_cache["now"] += 6  # past fresh, well within the stale window
    fragments.clear_local()
    # Another worker has started rebuilding: this request gets the stale copy.
    key = "fragment:" + fragments.digest(["petitions", "1", "en"])
    assert shared.add(key + ":rebuilding", 1, 5)
    assert fragments.fragment("petitions", lambda: "new", key=[1]) == "old"
    shared.delete(key + ":rebuilding")
    fragments.clear_local()
    assert fragments.fragment("petitions", lambda: "new", key=[1]) == "new"


def test_a_cached_response_keeps_the_headers_the_view_set(shared_cache):
    def view(request):
        response = JsonResponse({"count": 1})
        response["Access-Control-Allow-Origin"] = "*"
        response["ETag"] = '"1"'
        return response

    cached = responses.public_response(view)
    cached(anonymous_get())
    again = cached(anonymous_get())
    assert again["Access-Control-Allow-Origin"] == "*"
    assert again["ETag"] == '"1"'
    assert again["Content-Type"] == "application/json"


# The site's pages with caching on ---------------------------------------------


@pytest.mark.django_db
def test_an_editors_change_to_a_briefing_shows_on_the_next_view(shared_cache, client):
    from tests.factories import create_briefing

    briefing = create_briefing(body="The first version.")
    assert "The first version." in client.get(briefing.get_absolute_url()).content.decode()
    briefing.body = "The corrected version."
    briefing.save()
    shared_cache["now"] += 1  # past this worker's own one-second copy
    page = client.get(briefing.get_absolute_url()).content.decode()
    assert "The corrected version." in page
    assert "The first version." not in page


@pytest.mark.django_db
def test_a_staff_preview_of_a_draft_is_never_shown_to_visitors(shared_cache, client):
    from django.contrib.auth.models import User

    from tests.factories import create_briefing

    draft = create_briefing(status="draft", body="Not yet public.")
    editor = User.objects.create_superuser("editor", "editor@example.org", "pw-for-tests")
    client.force_login(editor)
    assert "Not yet public." in client.get(draft.get_absolute_url()).content.decode()
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_petition_json_is_shared_for_a_few_seconds(shared_cache, client):
    from campaign.models import Petition
    from tests.factories import make_petition

    petition = make_petition()
    url = f"/petitions/{petition.slug}.json"
    assert client.get(url).json()["signature_count"] == 0
    Petition.objects.filter(pk=petition.pk).update(signature_count=7)
    response = client.get(url)
    assert response.json()["signature_count"] == 0
    assert "public" in response["Cache-Control"] and "max-age=5" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    shared_cache["now"] += 6
    assert client.get(url).json()["signature_count"] == 7


@pytest.mark.django_db
def test_new_signers_show_on_the_petition_page_within_the_timeout(shared_cache, client):
    from django.utils import timezone

    from campaign.models import Signature
    from tests.factories import make_petition

    petition = make_petition()
    assert "Recent signers" not in client.get(petition.get_absolute_url()).content.decode()
    Signature.objects.create(
        petition=petition, name="Mina Park", email="mina@example.org",
        normalised_email="mina@example.org", country="KR", show_name=True,
        state=Signature.State.CONFIRMED, confirmed_at=timezone.now(),
    )
    shared_cache["now"] += 6
    page = client.get(petition.get_absolute_url()).content.decode()
    assert "Recent signers" in page
    # The form beside the cached block still carries this visitor's own token.
    assert 'name="csrfmiddlewaretoken"' in page


@pytest.mark.django_db
def test_the_live_counter_is_cached_but_never_the_page_around_it(shared_cache, client):
    from tests.factories import make_petition

    petition = make_petition()
    counter = client.get(f"/petitions/{petition.slug}/count/", HTTP_HX_REQUEST="true")
    assert "public" in counter["Cache-Control"]
    page = client.get(petition.get_absolute_url())
    assert "public" not in page.get("Cache-Control", "")
    assert "<html" in page.content.decode()


# The database cache ----------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_database_cache_stores_counts_and_values(settings):
    settings.CACHES = {
        "default": {"BACKEND": "campaign.lib.dbcache.DatabaseCache", "LOCATION": "cache_table"}
    }
    cache.set("a", {"x": 1}, 30)
    assert cache.get("a") == {"x": 1}
    assert cache.add("n", 0, 30)
    assert cache.incr("n") == 1
    assert not cache.add("n", 0, 30)


@pytest.mark.django_db(transaction=True)
def test_database_cache_writes_do_not_wait_for_the_disk_on_postgresql(settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    settings.CACHES = {
        "default": {"BACKEND": "campaign.lib.dbcache.DatabaseCache", "LOCATION": "cache_table"}
    }
    with CaptureQueriesContext(connection) as queries:
        cache.set("a", 1, 30)
    assert any("synchronous_commit" in query["sql"] for query in queries)


def test_fixed_choice_field_shares_its_choices_between_forms():
    class ChoiceForm(forms.Form):
        country = choices.FixedChoiceField(choices=[("", "Choose"), ("KR", "Korea")])

    first, second = ChoiceForm({"country": "KR"}), ChoiceForm({"country": "XX"})
    assert first.fields["country"].choices is second.fields["country"].choices
    assert first.fields["country"] is not second.fields["country"]
    assert first.is_valid()
    assert not second.is_valid()


# Whole pages with holes ------------------------------------------------------------


def _hidden_value(html, name):
    import re

    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden {name} field"
    return match.group(1)


def _count_calls(monkeypatch, module, name):
    calls = []
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.mark.django_db
def test_a_shared_petition_page_is_built_once_for_many_visitors(shared_cache, monkeypatch):
    from django.test import Client

    from campaign.petition import views
    from tests.factories import make_petition

    petition = make_petition()
    builds = _count_calls(monkeypatch, views, "render_petition")
    pages = [Client().get(petition.get_absolute_url()) for _ in range(3)]
    assert len(builds) == 1
    assert all(page.status_code == 200 for page in pages)


@pytest.mark.django_db
def test_each_visitor_of_a_shared_page_gets_their_own_token_and_can_sign(
    shared_cache, settings, django_capture_on_commit_callbacks
):
    from django.test import Client

    from campaign.models import Signature
    from campaign.petition import abuse
    from tests.factories import make_petition

    settings.SIGNING_MIN_FILL_SECONDS = 0
    petition = make_petition()
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    pages = [visitor.get(petition.get_absolute_url()).content.decode() for visitor in visitors]
    tokens = [_hidden_value(page, "csrfmiddlewaretoken") for page in pages]
    assert tokens[0] != tokens[1]
    for page in pages:
        assert shared_pages.HOLE_PREFIX not in page
        assert abuse.fill_time_problem(_hidden_value(page, "started")) == ""
        assert f'"X-CSRFToken": "{_hidden_value(page, "csrfmiddlewaretoken")}"' in page
    for number, (visitor, page) in enumerate(zip(visitors, pages, strict=True)):
        with django_capture_on_commit_callbacks(execute=True):
            response = visitor.post(petition.get_absolute_url(), {
                "csrfmiddlewaretoken": _hidden_value(page, "csrfmiddlewaretoken"),
                "started": _hidden_value(page, "started"),
                "name": "Mina Park", "email": f"mina{number}@example.org", "country": "KR",
            })
        assert response.status_code == 302
    # Neither was held as tampered with or too fast.
    assert Signature.objects.filter(flagged=False).count() == 2


@pytest.mark.django_db
def test_home_and_briefing_pages_are_shared_with_fresh_tokens(shared_cache, monkeypatch):
    from django.test import Client

    from articles import views as article_views
    from campaign.site import views as page_views
    from tests.factories import create_briefing, make_petition

    make_petition()
    briefing = create_briefing(body="A body.")
    home_builds = _count_calls(monkeypatch, page_views, "render_home")
    briefing_builds = _count_calls(monkeypatch, article_views, "render_briefing")
    for path, builds in (("/", home_builds), (briefing.get_absolute_url(), briefing_builds)):
        first, second = (Client().get(path).content.decode() for _ in range(2))
        assert len(builds) == 1
        assert shared_pages.HOLE_PREFIX not in first + second
        assert _hidden_value(first, "csrfmiddlewaretoken") != _hidden_value(
            second, "csrfmiddlewaretoken"
        )


@pytest.mark.django_db
def test_a_visitor_with_a_session_gets_a_page_of_their_own(shared_cache, client, monkeypatch):
    from django.contrib.auth.models import User

    from campaign.petition import views
    from tests.factories import make_petition

    petition = make_petition()
    builds = _count_calls(monkeypatch, views, "render_petition")
    client.force_login(User.objects.create_user("reader", password="pw-for-tests"))
    client.get(petition.get_absolute_url())
    client.get(petition.get_absolute_url())
    assert len(builds) == 2


@pytest.mark.django_db
def test_a_message_after_withdrawing_is_shown_not_a_shared_page(shared_cache, client, on_commit):
    from django.core import mail

    from tests.factories import link_from_mail, make_petition, sign

    petition = make_petition()
    client.get(petition.get_absolute_url())  # the shared page exists
    sign(client, petition, on_commit)
    client.post(link_from_mail(mail.outbox[-1], "withdraw"))
    page = client.get(petition.get_absolute_url()).content.decode()
    assert "Your signature has been withdrawn and deleted." in page


@pytest.mark.django_db
def test_only_links_from_published_briefings_share_a_page(shared_cache, monkeypatch):
    from django.test import Client

    from campaign.petition import views
    from tests.factories import create_briefing, make_petition

    petition = make_petition()
    briefing = create_briefing(body="A body.")
    builds = _count_calls(monkeypatch, views, "render_petition")
    url = petition.get_absolute_url()
    for _ in range(2):
        page = Client().get(f"{url}?source={briefing.slug}").content.decode()
        assert _hidden_value(page, "source") == briefing.slug
    assert len(builds) == 1
    for query in ("?source=not-a-briefing", "?source=not-a-briefing", "?utm=1", "?utm=1"):
        Client().get(url + query)
    assert len(builds) == 5


def test_page_is_shared_only_for_anonymous_plain_gets(settings):
    factory = RequestFactory()

    def request(path="/", method="get", cookies=None, **headers):
        made = getattr(factory, method)(path, **headers)
        made.COOKIES.update(cookies or {})
        return made

    assert shared_pages.page_is_shared(request())
    assert shared_pages.page_is_shared(request(cookies={settings.CSRF_COOKIE_NAME: "x",
                                                   settings.LANGUAGE_COOKIE_NAME: "ko"}))
    assert not shared_pages.page_is_shared(request(cookies={settings.SESSION_COOKIE_NAME: "x"}))
    assert not shared_pages.page_is_shared(request(cookies={"messages": "x"}))
    assert not shared_pages.page_is_shared(request(method="post"))
    assert not shared_pages.page_is_shared(request(HTTP_HX_REQUEST="true"))
    assert not shared_pages.page_is_shared(request("/?a=1"))
    assert shared_pages.page_is_shared(request("/?a=1"), query_ok=True)


@pytest.mark.django_db
def test_a_hole_nobody_can_fill_is_never_sent(shared_cache):
    def build(extra_context):
        if extra_context:  # building the shared copy
            return HttpResponse(f"<input value='{shared_pages.hole('nobody-knows')}'>")
        return HttpResponse("<input value='this visitor'>")

    response = shared_pages.cached_page(anonymous_get("/"), "pages", build)
    assert response.content.decode() == "<input value='this visitor'>"


def test_per_visitor_values_are_real_outside_a_shared_page():
    from campaign.petition import abuse

    started = shared_pages.per_visitor("form-started")
    assert started != shared_pages.hole("form-started")
    assert abuse.fill_time_problem(started, now=10**12) == ""


@pytest.mark.django_db
def test_pausing_signing_shows_at_once_on_a_shared_petition_page(shared_cache):
    from django.test import Client

    from campaign.models import CampaignSettings
    from tests.factories import make_petition

    petition = make_petition()
    assert 'name="email"' in Client().get(petition.get_absolute_url()).content.decode()
    switches = CampaignSettings.load()
    switches.signing_paused = True
    switches.save()
    shared_cache["now"] += 1  # past this worker's own one-second copy
    page = Client().get(petition.get_absolute_url()).content.decode()
    assert 'name="email"' not in page
    assert "Signing is paused for now." in page


@pytest.mark.django_db
def test_a_briefing_an_editor_unpublishes_is_gone_at_once(shared_cache, client):
    from tests.factories import create_briefing

    briefing = create_briefing(body="Soon withdrawn.")
    assert client.get(briefing.get_absolute_url()).status_code == 200
    briefing.status = "draft"
    briefing.save()
    shared_cache["now"] += 1  # past this worker's own one-second copy
    assert client.get(briefing.get_absolute_url()).status_code == 404


# Bulk changes in the admin ------------------------------------------------------


@pytest.mark.django_db
def test_unpublishing_briefings_in_bulk_takes_them_off_cached_pages(shared_cache, client, editor):
    from django.test import Client

    from tests.factories import create_briefing

    briefing = create_briefing()
    visitor = Client()
    assert visitor.get(briefing.get_absolute_url()).status_code == 200
    assert briefing.title in visitor.get("/briefings/").content.decode()
    # The admin's bulk action changes the rows with one UPDATE, which sends no
    # post_save; the pages must follow all the same.
    response = client.post(
        "/admin/articles/briefing/",
        {"action": "unpublish", "_selected_action": [briefing.pk]},
    )
    assert response.status_code == 302
    shared_cache["now"] += 2  # past this worker's own copy, well within the shared one's
    assert visitor.get(briefing.get_absolute_url()).status_code == 404
    assert briefing.title not in visitor.get("/briefings/").content.decode()


@pytest.mark.django_db
def test_a_new_count_does_not_renew_every_cached_page(shared_cache):
    from campaign.models import Petition
    from tests.factories import make_petition

    petition = make_petition()
    before = cache.get("version:petitions")
    # What each confirmed signature does: the count moves, the pages stay.
    Petition.objects.filter(pk=petition.pk).update(signature_count=1)
    assert cache.get("version:petitions") == before
    Petition.objects.filter(pk=petition.pk).update(goal=500)
    assert cache.get("version:petitions") != before


@pytest.mark.django_db(transaction=True)
def test_an_editors_change_renews_cached_pages_again_once_it_is_committed(shared_cache):
    from django.db import transaction

    from tests.factories import create_briefing

    briefing = create_briefing(body="Edited in a long transaction.")
    with transaction.atomic():
        briefing.title = "Edited"
        briefing.save()
        # What another server rebuilding the page now reads: the old row, the new version.
        during = cache.get("version:articles")
    assert cache.get("version:articles") != during
