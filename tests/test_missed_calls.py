"""Editors add the calls the extractor missed, from a briefing's admin page."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from articles.missed_calls import CannotAdd, add_missed_call, uncited_sentences
from articles.models import Citation, TalkingPoint
from articles.talking_points import refresh_talking_points

pytestmark = pytest.mark.django_db

FOUND = "China should stop sending defectors back."
MISSED = "Seoul would do well to take in every one of them."
BODY = f"""## Make it <stop>

Defectors are arrested every week. {FOUND}

- {MISSED}
- A plain item."""


@pytest.fixture
def briefing(briefing_factory, fake_extractor):
    briefing = briefing_factory(body=BODY)
    refresh_talking_points(
        briefing, extract=fake_extractor({FOUND: ("china", "stop sending defectors back", 0.9)})
    )
    return briefing


def sentence(briefing, text):
    return next(s for s in uncited_sentences(briefing) if s[2] == text)


def add_url(briefing):
    return reverse("admin:articles_briefing_add_talking_point", args=[briefing.pk])


def test_the_uncited_sentences_are_the_bodys_sentences_with_exact_offsets(briefing):
    texts = [text for _start, _end, text in uncited_sentences(briefing)]
    # The cited sentence is left out; heading and list markers are not part of a sentence.
    assert texts == [
        "Make it <stop>",
        "Defectors are arrested every week.",
        MISSED,
        "A plain item.",
    ]
    for start, end, text in uncited_sentences(briefing):
        assert briefing.body[start:end] == text


def test_a_missed_sentence_becomes_a_suggested_point_marked_as_the_editors(briefing):
    start, end, text = sentence(briefing, MISSED)
    point = add_missed_call(briefing.pk, start, end, text, "south_korea_government")

    assert point.ask == "Seoul would do well to take in every one of them"
    assert point.addressee == "south_korea_government"
    assert point.status == TalkingPoint.Status.SUGGESTED
    assert point.added_by_editor and point.score == 0
    assert point.position > TalkingPoint.objects.exclude(pk=point.pk).get().position
    citation = point.citations.get()
    assert (citation.start, citation.end, citation.sentence) == (start, end, MISSED)
    assert citation.added_by_editor and citation.extracted_addressee == ""
    assert MISSED not in [text for _s, _e, text in uncited_sentences(briefing)]


def test_a_sentence_already_cited_cannot_be_added_twice(briefing):
    start, end, text = sentence(briefing, MISSED)
    add_missed_call(briefing.pk, start, end, text, "public")
    with pytest.raises(CannotAdd, match="already cites"):
        add_missed_call(briefing.pk, start, end, text, "public")
    found = Citation.objects.get(sentence=FOUND)
    with pytest.raises(CannotAdd, match="already cites"):
        add_missed_call(briefing.pk, found.start, found.end, FOUND, "china")
    assert TalkingPoint.objects.count() == 2


def test_nothing_is_added_when_the_text_changed_since_the_page_was_shown(briefing):
    start, end, text = sentence(briefing, MISSED)
    briefing.body = "A new opening line.\n\n" + briefing.body
    briefing.save()
    with pytest.raises(CannotAdd, match="text has changed"):
        add_missed_call(briefing.pk, start, end, text, "public")
    # Offsets that are not a whole sentence are refused too.
    with pytest.raises(CannotAdd, match="text has changed"):
        add_missed_call(briefing.pk, 0, 5, briefing.body[0:5], "public")
    with pytest.raises(CannotAdd, match="Choose who"):
        add_missed_call(briefing.pk, start, end, text, "readers")
    assert not TalkingPoint.objects.filter(added_by_editor=True).exists()


def test_an_editor_adds_a_missed_call_from_the_briefings_page(client, editor, briefing):
    change_url = reverse("admin:articles_briefing_change", args=[briefing.pk])
    page = client.get(change_url).content.decode()
    assert f'action="{add_url(briefing)}"' in page
    assert "Make it &lt;stop&gt;" in page  # escaped
    assert f'value="{FOUND}"' not in page  # already cited: not offered

    start, end, text = sentence(briefing, MISSED)
    response = client.post(
        add_url(briefing),
        {"start": start, "end": end, "sentence": text, "addressee": "south_korea_government"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == change_url + "#missed-calls"
    point = TalkingPoint.objects.get(added_by_editor=True)
    page = response.content.decode()
    # The message is shown where the page opens: in the section, not above the form.
    section = page[page.index('id="missed-calls"') :]
    assert reverse("admin:articles_talkingpoint_change", args=[point.pk]) in section
    assert "added for The South Korean government" in section
    assert page.count("added for The South Korean government") == 1
    entry = LogEntry.objects.get(object_id=str(point.pk))
    assert entry.user == editor and entry.is_addition()


def test_adding_without_an_addressee_says_so_and_adds_nothing(client, editor, briefing):
    start, end, text = sentence(briefing, MISSED)
    response = client.post(
        add_url(briefing), {"start": start, "end": end, "sentence": text}, follow=True
    )
    assert "Choose who is asked to act." in response.content.decode()
    assert TalkingPoint.objects.count() == 1


def test_a_stale_or_forged_form_is_refused_in_plain_words(client, editor, briefing):
    for data in (
        {"start": "x", "end": "5", "sentence": "?", "addressee": "china"},
        {"start": "0", "end": "5", "sentence": "Make it", "addressee": "china"},
    ):
        response = client.post(add_url(briefing), data, follow=True)
        assert response.status_code == 200
        assert "text has changed since the page was shown" in response.content.decode()
    assert TalkingPoint.objects.count() == 1


def test_adding_is_a_post_only(client, editor, briefing):
    assert client.get(add_url(briefing)).status_code == 405


def test_moderators_can_neither_see_nor_add_sentences(client, moderator, briefing):
    start, end, text = sentence(briefing, MISSED)
    data = {"start": start, "end": end, "sentence": text, "addressee": "public"}
    assert client.post(add_url(briefing), data).status_code == 403
    assert TalkingPoint.objects.count() == 1


def test_staff_without_the_right_to_add_points_see_no_forms(client, briefing):
    from django.contrib.auth.models import Permission

    from tests.factories import make_staff

    reader = make_staff("reader")
    reader.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_briefing", "change_briefing"])
    )
    client.force_login(reader)
    page = client.get(reverse("admin:articles_briefing_change", args=[briefing.pk]))
    assert add_url(briefing) not in page.content.decode()
    start, end, text = sentence(briefing, MISSED)
    data = {"start": start, "end": end, "sentence": text, "addressee": "public"}
    assert client.post(add_url(briefing), data).status_code == 403


def test_other_messages_still_show_above_the_form(client, editor, briefing):
    change_url = reverse("admin:articles_briefing_change", args=[briefing.pk])
    form = {
        # The admin shows each translated field per language (modeltranslation).
        "title_en": briefing.title,
        "slug": briefing.slug,
        "body": briefing.body,
        "status": briefing.status,
        "position": briefing.position,
        "_continue": "1",
    }
    response = client.post(change_url, form, follow=True)
    page = response.content.decode()
    assert page.index("was changed successfully") < page.index('id="missed-calls"')


def test_the_add_page_keeps_its_messages(client, editor):
    # The add page shares the change page's template, without the sentences section.
    add_url = reverse("admin:articles_briefing_add")
    form = {"title_en": "Second", "slug": "second", "body": "Text.", "status": "draft"}
    response = client.post(add_url, {**form, "position": 0, "_addanother": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == add_url
    assert "was added successfully" in response.content.decode()


def test_a_sentence_wrapped_over_two_lines_is_added_as_the_browser_sends_it(
    client, editor, briefing_factory
):
    # Hard-wrapped prose: the line is long and stops mid-sentence, so the next one continues it.
    wrapped = (
        "The government in Seoul would do well to open its consulates in the northeast\n"
        "to every defector who asks for protection."
    )
    briefing = briefing_factory(body=f"Opening words.\n\n{wrapped}")
    start, end, text = sentence(briefing, wrapped)
    # Browsers send the line break in a form's value as CR LF.
    data = {"start": start, "end": end, "sentence": text.replace("\n", "\r\n")}
    client.post(add_url(briefing), {**data, "addressee": "south_korea_government"})
    citation = Citation.objects.get(added_by_editor=True)
    assert citation.sentence == wrapped
    assert citation.talking_point.ask == " ".join(wrapped.split()).rstrip(".")
