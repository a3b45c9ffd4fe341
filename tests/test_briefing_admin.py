"""The briefing admin: actions, ordering in the list, help texts, preview links."""

import pytest

from articles.models import Briefing

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/articles/briefing/"


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))
    return client


def run_action(client, action, briefings):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [b.pk for b in briefings]},
        follow=True,
    )


def three_briefings(briefing_factory, **fields):
    return [briefing_factory(title=f"B{i}", slug=f"b{i}", position=i, **fields) for i in range(3)]


def test_publish_action_publishes_and_says_how_many(editor_client, briefing_factory):
    drafts = three_briefings(briefing_factory, status=Briefing.Status.DRAFT)
    briefing_factory(title="Already", slug="already")
    response = run_action(editor_client, "publish", drafts[:2])
    assert "2 briefings published." in response.content.decode()
    assert Briefing.objects.published().count() == 3


def test_publish_action_counts_only_what_changed(editor_client, briefing_factory):
    briefings = three_briefings(briefing_factory)
    response = run_action(editor_client, "publish", briefings[:1])
    assert "0 briefings published." in response.content.decode()


def test_unpublish_action_turns_briefings_into_drafts(editor_client, briefing_factory):
    briefings = three_briefings(briefing_factory)
    response = run_action(editor_client, "unpublish", briefings[:1])
    assert "1 briefing unpublished." in response.content.decode()
    assert Briefing.objects.get(slug="b0").status == Briefing.Status.DRAFT
    assert editor_client.get("/briefings/b0/").status_code == 200  # staff preview


def test_feature_and_unfeature_actions(editor_client, briefing_factory):
    briefings = three_briefings(briefing_factory)
    response = run_action(editor_client, "feature", briefings)
    assert "3 briefings featured." in response.content.decode()
    assert Briefing.objects.filter(featured=True).count() == 3
    response = run_action(editor_client, "unfeature", briefings[1:])
    assert "2 briefings no longer featured." in response.content.decode()
    assert list(Briefing.objects.filter(featured=True).values_list("slug", flat=True)) == ["b0"]


def test_positions_are_editable_in_the_list_and_order_the_public_list(
    editor_client, client, briefing_factory
):
    briefings = three_briefings(briefing_factory)
    data = {
        "form-TOTAL_FORMS": "3",
        "form-INITIAL_FORMS": "3",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    new_positions = {"b0": 30, "b1": 10, "b2": 20}
    changelist = editor_client.get(CHANGELIST)
    rows = changelist.context["cl"].result_list
    for index, briefing in enumerate(rows):
        data[f"form-{index}-id"] = str(briefing.pk)
        data[f"form-{index}-position"] = str(new_positions[briefing.slug])
    response = editor_client.post(CHANGELIST, data, follow=True)
    assert response.status_code == 200
    assert {b.slug: b.position for b in Briefing.objects.all()} == new_positions
    assert len(briefings) == 3
    html = editor_client.get("/briefings/").content.decode()
    assert (
        html.index("/briefings/b1/") < html.index("/briefings/b2/") < html.index("/briefings/b0/")
    )


def test_list_shows_the_editors_columns_filters_and_search(editor_client, briefing_factory):
    briefing_factory(publication="The Korea Herald")
    html = editor_client.get(CHANGELIST).content.decode()
    for column in (
        "column-title",
        "column-status",
        "column-featured",
        "column-position",
        "column-publication",
        "column-published_on",
    ):
        assert column in html
    assert "By status" in html and "By featured" in html and "By publication" in html
    found = editor_client.get(CHANGELIST, {"q": "heading"}).context["cl"].result_count
    assert found == 1  # searches the body


def test_drafts_get_a_preview_link_and_published_a_view_link(editor_client, briefing_factory):
    briefing_factory(status=Briefing.Status.DRAFT)
    briefing_factory(title="Live", slug="live")
    html = editor_client.get(CHANGELIST).content.decode()
    assert '<a href="/briefings/humane-china/">Preview draft</a>' in html
    assert '<a href="/briefings/live/">View</a>' in html


def test_change_form_shows_help_text_fieldsets_and_view_on_site(editor_client, briefing_factory):
    briefing = briefing_factory()
    response = editor_client.get(f"{CHANGELIST}{briefing.pk}/change/")
    html = response.content.decode()
    fields = response.context["adminform"].form.fields
    # Title, deck and summary in English and in Korean (django-modeltranslation).
    assert len(fields) == 16
    for name in fields:
        help_text = str(Briefing._meta.get_field(name).help_text)
        assert help_text and help_text in html, name
    for legend in ("Text", "Original", "Publishing"):
        assert f">{legend}<" in html
    assert "View on site" in html
    assert "prepopulate" in html  # the slug follows the title as it is typed


def test_saving_in_the_admin_keeps_line_ends_as_the_body_format_needs(
    editor_client, briefing_factory
):
    briefing = briefing_factory()
    form = editor_client.get(f"{CHANGELIST}{briefing.pk}/change/").context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(body="One.\r\n\r\n## Two\r\n\r\n- three", status="published", position="0")
    data["featured"] = ""
    response = editor_client.post(f"{CHANGELIST}{briefing.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    briefing.refresh_from_db()
    assert briefing.body == "One.\n\n## Two\n\n- three"


def test_a_link_typed_without_a_scheme_is_saved_with_https(editor_client, briefing_factory):
    briefing = briefing_factory(source_url="https://old.example.org/")
    page = editor_client.get(f"{CHANGELIST}{briefing.pk}/change/").content.decode()
    assert 'name="source_url"' in page
    data = {
        "title_en": briefing.title,
        "slug": briefing.slug,
        "deck_en": briefing.deck,
        "summary_en": briefing.summary,
        "body": briefing.body,
        "source_url": "www.koreaherald.com/view.php",
        "status": briefing.status,
        "position": 0,
    }
    response = editor_client.post(f"{CHANGELIST}{briefing.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    briefing.refresh_from_db()
    assert briefing.source_url == "https://www.koreaherald.com/view.php"
