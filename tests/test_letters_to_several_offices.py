"""A supporter writes to several offices at once, each letter worded for its office,
with and without htmx; the petition's demand, the reply address and the English
rendering of a Korean letter along the way."""

from datetime import date

import pytest

from campaign.models import Letter
from tests.factories import make_briefing, make_official, make_petition, make_point
from tests.letter_forms import download, form_fields, letter_fields, ready_letters, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    herald = make_briefing(published_on=date(2014, 7, 28))
    demand = make_point(
        "Stop the forced repatriation of North Korean defectors",
        ask_ko="탈북민 강제 북송을 중단해 주십시오",
    )
    make_petition(is_current=True, demand=demand)
    return {
        "unhcr": make_official("UN High Commissioner for Refugees", organisation="UNHCR",
                               category="international_community", role="un_agency"),
        "minister": make_official("Minister of Unification", organisation="MOU",
                                  category="south_korea_government", language="ko",
                                  salutation="존경하는 통일부 장관님께"),
        "demand": demand,
        "policy": make_point("Put an end to your merciless policy of repatriation",
                             ask_ko="귀국의 무자비한 송환 정책을 중단해 주십시오", briefing=herald),
        "public": make_point("Sign the petition", addressee="public"),
    }  # fmt: skip


def start(client, *officials, **headers):
    page = client.get("/letters/")
    return submit(client, page, replace={"officials": [str(o.pk) for o in officials]}, **headers)


def test_two_offices_get_a_letter_each_worded_for_it(client, setting):
    unhcr, minister = setting["unhcr"], setting["minister"]
    points = start(client, unhcr, minister)
    html = points.content.decode()
    assert "What should your letters ask for?" in html
    # The demand comes first, ticked, with its wording for each office.
    chosen = [value for name, value in form_fields(points) if name == "points"]
    assert chosen[0] == str(setting["demand"].pk)
    assert str(setting["public"].pk) not in html.split('name="points"', 1)[1]  # for no office
    assert "The petition’s demand" in html
    assert "To UN High Commissioner for Refugees:" in html
    assert "“Urge the Chinese authorities to stop the forced repatriation" in html
    about = submit(client, points, replace={"points": [str(setting["demand"].pk),
                                                       str(setting["policy"].pk)]})  # fmt: skip
    drafts = submit(client, about, replace={"name": "Alice Kim", "city": "Toronto",
                                            "reply_email": "alice@example.org"})  # fmt: skip
    letters = letter_fields(drafts)
    assert set(letters) == {unhcr.pk, minister.pk}
    to_unhcr, to_minister = letters[unhcr.pk]["text"], letters[minister.pk]["text"]
    assert to_unhcr.startswith("Dear High Commissioner,")
    assert "your merciless policy" not in to_unhcr
    assert "the Chinese authorities" in to_unhcr
    assert "to put an end to their merciless policy" in to_unhcr
    assert to_minister.startswith("존경하는 통일부 장관님께")
    assert "귀국" not in to_minister and "중국 정부" in to_minister
    assert "alice@example.org" in to_unhcr and "alice@example.org" in to_minister
    html = drafts.content.decode()
    assert "Check and edit your 2 letters" in html
    assert "Your letter to UN High Commissioner for Refugees" in html
    # The Korean letter has an English rendering beside it, not a field of the form.
    assert "What this letter says, in English" in html
    assert "Dear Minister," in html and "Dear Minister," not in to_minister

    ready = submit(client, drafts)
    html = ready.content.decode()
    assert "Your 2 letters are ready" in html
    finished = ready_letters(ready)
    assert sorted(letter["text"][:4] for letter in finished) == ["Dear", "존경하는"]
    assert Letter.objects.count() == 2
    records = {letter.official: letter for letter in Letter.objects.all()}
    assert records[minister].language == "ko" and records[unhcr].language == "en"
    # Each letter counts the points it made: both here.
    assert set(records[unhcr].talking_points.all()) == {setting["demand"], setting["policy"]}
    for index in range(2):
        for url_name in ("letter.pdf", "letter.txt", "print/"):
            assert download(client, ready, url_name, index=index).status_code == 200
    # Posting the last step again records nothing new.
    submit(client, drafts)
    assert Letter.objects.count() == 2


def test_several_offices_work_with_htmx_too(client, setting):
    points = start(client, setting["unhcr"], setting["minister"], HTTP_HX_REQUEST="true")
    assert points.content.decode().lstrip().startswith('<section id="letter-writer"')
    about = submit(client, points, HTTP_HX_REQUEST="true")
    drafts = submit(client, about, replace={"name": "Bo"}, HTTP_HX_REQUEST="true")
    assert len(letter_fields(drafts)) == 2
    ready = submit(client, drafts, HTTP_HX_REQUEST="true")
    assert "<html" not in ready.content.decode()
    assert len(ready_letters(ready)) == 2


def test_each_office_must_be_asked_something(client, setting):
    # The English-only point reaches the refugee agency but leaves the Korean letter empty.
    english_only = make_point("Open the borders", addressee="china")
    points = start(client, setting["unhcr"], setting["minister"])
    again = submit(client, points, replace={"points": [str(english_only.pk)]})
    html = again.content.decode()
    assert "your letter to Minister of Unification would not" in html
    assert "UN High Commissioner for Refugees would not" not in html


def test_at_most_five_offices_at_once(client, setting):
    offices = [make_official(f"Office {n}", organisation=f"Org {n}") for n in range(6)]
    response = start(client, *offices)
    assert "Choose at most 5 offices at once" in response.content.decode()


def test_the_reply_address_is_kept_only_when_the_letter_is_shared(client, setting):
    about_values = {"name": "Alice", "reply_email": "alice@example.org",
                    "reply_address": "12 King Street\nToronto"}  # fmt: skip
    for share in (None, "on"):
        points = start(client, setting["unhcr"])
        drafts = submit(client, submit(client, points), replace=about_values)
        submit(client, drafts, replace={"share": share})
    kept, shared = Letter.objects.order_by("pk")
    for field in ("text", "sender_name", "city", "country"):
        assert "alice@example.org" not in getattr(kept, field)
        assert "King Street" not in getattr(kept, field)
    assert "alice@example.org" in shared.text and "12 King Street" in shared.text


def test_a_bad_reply_email_gets_a_plain_error(client, setting):
    points = start(client, setting["unhcr"])
    again = submit(client, submit(client, points), replace={"name": "Al", "reply_email": "x@"})
    assert "Enter a valid email address." in again.content.decode()


def test_korean_readers_see_no_english_rendering(client, setting):
    # The Korean pages are at /ko/.
    page = client.get(f"/ko/letters/?official={setting['minister'].pk}")
    about = submit(client, page, path="/ko/letters/")
    drafts = submit(client, about, replace={"name": "김민수"}, path="/ko/letters/")
    assert 'class="letter-rendering"' not in drafts.content.decode()
