"""Editors review talking points in the admin: approve, reject, edit, reorder, read the source."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.models import TalkingPoint
from articles.talking_points import refresh_talking_points

pytestmark = pytest.mark.django_db

SENTENCE = "China should stop sending <defectors> back."
CALLS = {SENTENCE: ("china", "stop sending <defectors> back", 0.9)}
CHANGELIST = reverse("admin:articles_talkingpoint_changelist")


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def point(briefing_factory, fake_extractor):
    briefing = briefing_factory(body="Opening words. " * 30 + SENTENCE + " Closing words." * 30)
    refresh_talking_points(briefing, extract=fake_extractor(CALLS))
    return TalkingPoint.objects.get()


def test_the_list_shows_asks_with_their_citations_and_briefings(editor_client, point):
    response = editor_client.get(CHANGELIST)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Stop sending &lt;defectors&gt; back" in page
    assert "Humane China" in page
    assert 'name="form-0-position"' in page


def test_search_finds_a_point_by_its_cited_sentence(editor_client, point):
    assert "Stop sending" in editor_client.get(CHANGELIST, {"q": "China should"}).content.decode()
    assert "Stop sending" not in editor_client.get(CHANGELIST, {"q": "zebra"}).content.decode()


def test_approving_and_rejecting_say_how_many_changed(editor_client, point):
    other = TalkingPoint.objects.create(ask="Other", addressee="public", status="approved")
    response = editor_client.post(
        CHANGELIST,
        {"action": "approve", "_selected_action": [point.pk, other.pk]},
        follow=True,
    )
    assert "1 of 2 selected talking points approved." in response.content.decode()
    point.refresh_from_db()
    assert point.status == "approved"

    response = editor_client.post(
        CHANGELIST, {"action": "reject", "_selected_action": [point.pk]}, follow=True
    )
    assert "1 of 1 selected talking point rejected." in response.content.decode()
    point.refresh_from_db()
    assert point.status == "rejected"


def form_data(point, **changes):
    data = {
        # A field per language (django-modeltranslation).
        "ask_en": point.ask_en,
        "ask_ko": point.ask_ko or "",
        "addressee": point.addressee,
        "status": point.status,
        "position": point.position,
        "citations-TOTAL_FORMS": "1",
        "citations-INITIAL_FORMS": "1",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
        "citations-0-id": point.citations.get().pk,
        "citations-0-talking_point": point.pk,
    }
    data.update(changes)
    return data


def test_changing_the_ask_marks_it_as_edited(editor_client, point):
    url = reverse("admin:articles_talkingpoint_change", args=[point.pk])
    response = editor_client.post(url, form_data(point, ask_en="Stop the deportations"))
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.ask == "Stop the deportations"
    assert point.ask_edited


def test_saving_without_changing_the_ask_leaves_it_unedited(editor_client, point):
    url = reverse("admin:articles_talkingpoint_change", args=[point.pk])
    response = editor_client.post(url, form_data(point, status="approved"))
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.status == "approved"
    assert not point.ask_edited


def test_the_change_page_shows_the_sentence_in_context_escaped_with_links(editor_client, point):
    citation = point.citations.get()
    page = editor_client.get(
        reverse("admin:articles_talkingpoint_change", args=[point.pk])
    ).content.decode()
    assert "<mark>China should stop sending &lt;defectors&gt; back.</mark>" in page
    assert "Opening words." in page and "Closing words." in page
    assert f'href="/briefings/humane-china/#cta-{citation.pk}"' in page
    assert reverse("admin:articles_briefing_change", args=[citation.briefing_id]) in page


def test_positions_are_edited_in_the_list(editor_client, point):
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": point.pk,
        "form-0-position": "7",
        "_save": "Save",
    }
    assert editor_client.post(CHANGELIST, data).status_code == 302
    point.refresh_from_db()
    assert point.position == 7


def test_editors_merge_points_the_extractor_kept_apart(editor_client, briefing_factory):
    first = briefing_factory(slug="first", body="China should end its merciless policy.")
    second = briefing_factory(slug="second", body="China should not send them back.")
    policy = TalkingPoint.objects.create(ask="End your merciless policy", addressee="china")
    back = TalkingPoint.objects.create(
        ask="Do not send them back", addressee="china", status="approved", score=0.8
    )
    for point, briefing in [(policy, first), (back, second)]:
        point.citations.create(
            briefing=briefing, sentence=briefing.body, start=0, end=len(briefing.body)
        )

    response = editor_client.post(
        CHANGELIST, {"action": "merge", "_selected_action": [policy.pk, back.pk]}, follow=True
    )

    assert "Merged into “Do not send them back”" in response.content.decode()
    merged = TalkingPoint.objects.get()
    assert merged.pk == back.pk and merged.status == "approved"
    assert sorted(c.briefing.slug for c in merged.citations.all()) == ["first", "second"]
    # A later refresh leaves the merged citations where the editor put them.
    refresh_talking_points(first, extract=lambda text: [])
    assert merged.citations.count() == 2


def test_points_for_different_actors_are_not_merged(editor_client):
    china = TalkingPoint.objects.create(ask="Stop", addressee="china")
    seoul = TalkingPoint.objects.create(ask="Stop", addressee="south_korea_government")
    response = editor_client.post(
        CHANGELIST, {"action": "merge", "_selected_action": [china.pk, seoul.pk]}, follow=True
    )
    assert "Only talking points addressed to the same actor can be merged." in (
        response.content.decode()
    )
    assert TalkingPoint.objects.count() == 2


def test_approving_in_the_admin_saves_each_point_so_page_caches_hear_of_it(editor_client, point):
    from django.db.models.signals import post_save

    saved = []

    def receiver(sender, instance, **kwargs):
        saved.append(instance.pk)

    post_save.connect(receiver, sender=TalkingPoint)
    try:
        editor_client.post(CHANGELIST, {"action": "approve", "_selected_action": [point.pk]})
    finally:
        post_save.disconnect(receiver, sender=TalkingPoint)
    assert saved == [point.pk]


def test_correcting_the_addressee_is_kept_as_an_editors_decision(editor_client, point):
    url = reverse("admin:articles_talkingpoint_change", args=[point.pk])
    response = editor_client.post(url, form_data(point, addressee="north_korea"))
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.addressee == "north_korea"
    assert point.addressee_edited and not point.ask_edited
    # The extractor's choice stays with the sentence, for its record.
    assert point.citations.get().extracted_addressee == "china"
    page = editor_client.get(url).content.decode()
    assert re.search(r'field-extracted_addressee">\s*<p>The Chinese government</p>', page)
    history = reverse("admin:articles_talkingpoint_history", args=[point.pk])
    assert "Changed Addressee" in editor_client.get(history).content.decode()


def test_saving_without_changing_the_addressee_leaves_it_uncorrected(editor_client, point):
    url = reverse("admin:articles_talkingpoint_change", args=[point.pk])
    editor_client.post(url, form_data(point, position=3))
    point.refresh_from_db()
    assert not point.addressee_edited


def test_the_list_filters_points_by_briefing_and_by_editors_work(editor_client, point):
    briefing = point.citations.get().briefing
    page = editor_client.get(CHANGELIST, {"citations__briefing__id__exact": briefing.pk})
    assert "Stop sending" in page.content.decode()
    for flag in ("added_by_editor__exact", "addressee_edited__exact"):
        assert "Stop sending" not in editor_client.get(CHANGELIST, {flag: "1"}).content.decode()
