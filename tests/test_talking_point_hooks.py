"""Talking points follow a briefing when it is imported and when an editor saves it."""

import pytest

from articles import talking_points
from articles.importing import import_briefing_file
from articles.models import Briefing, Citation, TalkingPoint

pytestmark = pytest.mark.django_db

DEMAND = "China must stop sending defectors back."
NEW_DEMAND = "Seoul should raise the matter at the United Nations."


@pytest.fixture(autouse=True)
def fake_extraction(monkeypatch, fake_extractor):
    extract = fake_extractor(
        {
            DEMAND: ("china", "stop sending defectors back", 0.9),
            NEW_DEMAND: ("south_korea_government", "raise the matter at the UN", 0.8),
        }
    )
    monkeypatch.setattr(talking_points, "_default_extract", extract)


def test_importing_a_file_suggests_its_talking_points(tmp_path):
    path = tmp_path / "editorial.txt"
    path.write_text(f"A title\n\nSome context here.\n\n{DEMAND}\n", encoding="utf-8")
    result = import_briefing_file(path)
    assert result.ok, result.error
    citation = Citation.objects.get()
    assert citation.briefing == result.briefing
    assert result.briefing.body[citation.start : citation.end] == DEMAND


def test_a_dry_run_import_suggests_nothing(tmp_path):
    path = tmp_path / "editorial.txt"
    path.write_text(f"A title\n\n{DEMAND}\n", encoding="utf-8")
    import_briefing_file(path, dry_run=True)
    assert not TalkingPoint.objects.exists()
    assert not Briefing.objects.exists()


def briefing_form(briefing, **changes):
    data = {
        "title_en": briefing.title,
        "slug": briefing.slug,
        "deck_en": briefing.deck,
        "summary_en": briefing.summary,
        "body": briefing.body,
        "status": briefing.status,
        "position": briefing.position,
    }
    data.update(changes)
    return data


def test_an_editor_saving_a_briefing_refreshes_its_talking_points(
    client, django_user_model, briefing_factory
):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))
    briefing = briefing_factory(body=f"Context.\n\n{DEMAND}")
    talking_points.refresh_talking_points(briefing)
    TalkingPoint.objects.update(status="approved")

    body = f"New first line.\r\n\r\nContext.\r\n\r\n{DEMAND} {NEW_DEMAND}"
    response = client.post(
        f"/admin/articles/briefing/{briefing.pk}/change/", briefing_form(briefing, body=body)
    )

    assert response.status_code == 302
    briefing.refresh_from_db()
    cited = {c.sentence: c for c in Citation.objects.all()}
    assert set(cited) == {DEMAND, NEW_DEMAND}
    for citation in cited.values():
        assert briefing.body[citation.start : citation.end] == citation.sentence
    assert cited[DEMAND].talking_point.status == "approved"
    assert cited[NEW_DEMAND].talking_point.status == "suggested"


def broken_extractor(text):
    raise RuntimeError("extractor fault")


def test_an_extractor_fault_does_not_stop_an_import(tmp_path, monkeypatch):
    monkeypatch.setattr(talking_points, "_default_extract", broken_extractor)
    path = tmp_path / "editorial.txt"
    path.write_text(f"A title\n\n{DEMAND}\n", encoding="utf-8")
    assert import_briefing_file(path).outcome == "created"
    assert Briefing.objects.count() == 1
    assert not TalkingPoint.objects.exists()


def test_an_extractor_fault_keeps_the_editors_text_and_the_points_and_says_so(
    client, django_user_model, briefing_factory, monkeypatch
):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))
    briefing = briefing_factory(body=f"Context.\n\n{DEMAND}")
    talking_points.refresh_talking_points(briefing)
    monkeypatch.setattr(talking_points, "_default_extract", broken_extractor)

    response = client.post(
        f"/admin/articles/briefing/{briefing.pk}/change/",
        briefing_form(briefing, body="Rewritten."),
        follow=True,
    )

    assert "its talking points could not be updated" in response.content.decode()
    briefing.refresh_from_db()
    assert briefing.body == "Rewritten."
    assert Citation.objects.get().sentence == DEMAND  # the refresh was rolled back whole
