"""Editors give the content in Korean too: the admin shows both languages side by side and
what is not translated yet, pages show the Korean, and code that needs English reads it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from articles.models import TalkingPoint
from campaign.letters import services
from campaign.petition.models import Petition
from tests.factories import make_official, make_petition, make_point

pytestmark = pytest.mark.django_db

CHANGE = "/admin/campaign/petition/{}/change/"


def test_the_admin_puts_both_languages_of_a_field_on_one_row(editor, client, petition):
    response = client.get(CHANGE.format(petition.pk))
    fieldsets = response.context["adminform"].fieldsets
    assert ("title_en", "title_ko") in fieldsets[0][1]["fields"]
    html = response.content.decode()
    assert 'name="title_en"' in html and 'name="title_ko"' in html


def test_the_admin_marks_what_is_not_translated_yet(editor, client, petition):
    petition.title_ko = "탈북민 강제 북송을 중단하십시오"
    petition.save()
    form = client.get(CHANGE.format(petition.pk)).context["adminform"].form
    assert "not yet translated" in str(form.fields["statement_ko"].label)
    assert "not yet translated" not in str(form.fields["title_ko"].label)
    assert "not-translated" in form.fields["addressee_ko"].widget.attrs["class"]


def test_the_list_shows_and_filters_what_is_not_translated(editor, client, petition):
    done = make_petition(title_ko="번역됨", statement_ko="번역됨", addressee_ko="중국 정부")
    listing = client.get("/admin/campaign/petition/")
    assert "Not yet translated: title, statement, addressed to" in listing.content.decode()
    missing = client.get("/admin/campaign/petition/", {"translated": "missing"})
    assert [row.pk for row in missing.context["cl"].result_list] == [petition.pk]
    complete = client.get("/admin/campaign/petition/", {"translated": "complete"})
    assert [row.pk for row in complete.context["cl"].result_list] == [done.pk]


def test_an_editor_gives_the_korean_title_and_korean_pages_show_it(editor, client, petition):
    form = client.get(CHANGE.format(petition.pk)).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "title_ko": "탈북민을 돌려보내지 마십시오",
            "briefings": [],
            "timeline-TOTAL_FORMS": "0",
            "timeline-INITIAL_FORMS": "0",
            "tallies-TOTAL_FORMS": "0",
            "tallies-INITIAL_FORMS": "0",
        }
    )
    data = {key: ("" if value is False else value) for key, value in data.items()}
    response = client.post(CHANGE.format(petition.pk), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    korean = client.get(f"/ko/petitions/{petition.slug}/").content.decode()
    assert "<h1>탈북민을 돌려보내지 마십시오</h1>" in korean
    english = client.get(f"/petitions/{petition.slug}/").content.decode()
    assert f"<h1>{petition.title_en}</h1>" in english


def test_letters_read_the_english_ask_and_office_on_a_korean_page(petition):
    point = make_point("Stop the returns", ask_ko="북송을 중단해 주십시오")
    official = make_official(title_ko="주한 중국 대사", organisation_ko="주한 중국 대사관")
    with translation.override("ko"):
        assert point.ask == "북송을 중단해 주십시오"  # what a Korean page shows
        assert services.point_info(point).ask == "Stop the returns"
        assert services.official_info(official).title == official.title_en


def test_a_point_without_a_korean_ask_is_the_same_with_null_or_empty(petition):
    stored_empty = make_point("Stop the returns")
    never_given = make_point("Free them")
    TalkingPoint.objects.filter(pk=never_given.pk).update(ask_ko=None)
    never_given.refresh_from_db()
    assert (stored_empty.korean_ask, never_given.korean_ask) == ("", "")
    korean_office = make_official(language="ko")
    assert services.suggested_points([korean_office]) == []


@pytest.mark.django_db(transaction=True)
def test_the_korean_asks_editors_wrote_survive_the_move_to_modeltranslation():
    executor = MigrationExecutor(connection)
    executor.migrate([("articles", "0001_initial")])
    old = executor.loader.project_state([("articles", "0001_initial")]).apps
    OldPoint = old.get_model("articles", "TalkingPoint")
    OldPoint.objects.create(
        ask="Stop the returns", ask_ko="북송을 중단해 주십시오", addressee="china"
    )
    OldPoint.objects.create(ask="Free them", ask_ko="", addressee="china")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    points = {p.ask_en: p for p in TalkingPoint.objects.all()}
    assert points["Stop the returns"].ask_ko == "북송을 중단해 주십시오"
    assert points["Free them"].korean_ask == ""
    with translation.override("ko"):
        assert points["Stop the returns"].ask == "북송을 중단해 주십시오"
        assert points["Free them"].ask == "Free them"  # the English, until it is translated


def test_the_petitions_kept_for_everyone_show_each_language(client, petition):
    Petition.objects.filter(pk=petition.pk).update(title_ko="한국어 제목")
    assert "<h1>한국어 제목</h1>" in client.get(f"/ko/petitions/{petition.slug}/").content.decode()
    assert "<h1>Stop the forced" in client.get(f"/petitions/{petition.slug}/").content.decode()
