"""The letter writer's steps, with and without htmx, and what it does with bad input."""

from datetime import date

import pytest

from articles.models import TalkingPoint
from campaign.models import Letter
from tests.factories import make_briefing, make_official, make_point
from tests.letter_forms import form_fields, submit, the_letter

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    herald = make_briefing(published_on=date(2014, 7, 28))
    return {
        "ambassador": make_official(),
        "minister": make_official(
            "Minister of Unification",
            organisation="Ministry of Unification",
            category="south_korea_government",
            language="ko",
            salutation="존경하는 통일부 장관님께",
        ),
        "stop": make_point(
            "Stop the forced repatriation of North Korean defectors",
            ask_ko="탈북민 강제 북송을 중단해 주십시오",
            briefing=herald,
        ),
        "hotline": make_point(
            "Open a hotline for defectors in Seoul",
            addressee="south_korea_government",
            briefing=herald,
        ),  # fmt: skip
        "asylum": make_point(
            "Grant asylum to defectors",
            addressee="south_korea_government",
            ask_ko="탈북민에게 망명을 허용해 주십시오",
        ),  # fmt: skip
        "suggested": make_point("Never shown", status="suggested"),
    }


def fields(response):
    return dict(form_fields(response))


def test_plain_form_goes_from_official_to_a_finished_letter(client, setting):
    page = client.get("/letters/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ambassador of China to the Republic of Korea" in html
    assert "The Chinese government" in html  # grouped by category
    assert "Never shown" not in html

    points = submit(client, page, replace={"officials": str(setting["ambassador"].pk)})
    assert "What should your letter to Ambassador of China" in points.content.decode()
    # Points addressed to the office's category are ticked; others are offered.
    chosen = [value for name, value in form_fields(points) if name == "points"]
    assert chosen == [str(setting["stop"].pk)]
    assert "Open a hotline for defectors in Seoul" in points.content.decode()
    assert "Never shown" not in points.content.decode()

    about = submit(client, points)
    assert "About you" in about.content.decode()
    letter = submit(client, about, replace={"name": "Alice Kim", "city": "Toronto",
                                            "country": "Canada"})  # fmt: skip
    name, text = the_letter(letter)
    assert text.startswith("Your Excellency,")
    assert "stop the forced repatriation of North Korean defectors" in text
    assert "28 July 2014" in text
    assert Letter.objects.count() == 0

    ready = submit(client, letter, replace={name: text + "\n\nP.S. Thank you."})
    html = ready.content.decode()
    assert ready.status_code == 200
    assert "Your letter is ready" in html
    assert "P.S. Thank you." in html
    record = Letter.objects.get()
    assert record.official == setting["ambassador"]
    assert list(record.talking_points.all()) == [setting["stop"]]
    assert record.country == "Canada"
    assert record.language == "en"


def test_htmx_requests_get_only_the_writer_section(client, setting):
    page = client.get("/letters/")
    step = submit(
        client, page, replace={"officials": str(setting["ambassador"].pk)}, HTTP_HX_REQUEST="true"
    )
    html = step.content.decode()
    assert html.lstrip().startswith('<section id="letter-writer"')
    assert "<html" not in html
    assert 'hx-post="/letters/"' in html and 'action="/letters/"' in html


def test_edits_are_what_the_sender_finishes_with(client, setting):
    letter = client.get(f"/letters/?official={setting['ambassador'].pk}")
    about = submit(client, letter)
    draft = submit(client, about, replace={"name": "Bo"})
    name, _text = the_letter(draft)
    ready = submit(client, draft, replace={name: "Dear Ambassador,\n\nMy own words.\n\nBo"})
    assert "My own words." in ready.content.decode()
    assert "Your Excellency" not in ready.content.decode()


def test_back_keeps_earlier_answers(client, setting):
    page = client.get(f"/letters/?official={setting['ambassador'].pk}")
    about = submit(client, page, replace={"points": [str(setting["hotline"].pk)]})
    back = submit(client, about, button="back", replace={"name": "Alice"})
    chosen = [value for name, value in form_fields(back) if name == "points"]
    assert chosen == [str(setting["hotline"].pk)]
    again = submit(client, back)
    assert fields(again)["name"] == "Alice"


def test_official_in_the_query_starts_at_the_points(client, setting):
    response = client.get(f"/letters/?official={setting['minister'].pk}")
    html = response.content.decode()
    assert "What should your letter to Minister of Unification ask for?" in html
    chosen = [value for name, value in form_fields(response) if name == "points"]
    # A Korean letter: only the matching point that has a Korean version is ticked.
    assert chosen == [str(setting["asylum"].pk)]
    assert "No Korean version yet" in html


def test_point_in_the_query_preselects_a_matching_office_and_the_point(client, setting):
    make_official("Chinese Foreign Minister", organisation="MFA", position=5)
    response = client.get(f"/letters/?point={setting['stop'].pk}")
    html = response.content.decode()
    assert "Your letter will ask: “Stop the forced repatriation" in html
    # The first office in the editors' order whose category the point addresses.
    assert fields(response)["officials"] == str(setting["ambassador"].pk)
    assert "suggested for this point" in html
    points = submit(client, response, replace={"officials": str(setting["minister"].pk)})
    chosen = [value for name, value in form_fields(points) if name == "points"]
    assert str(setting["stop"].pk) in chosen
    assert str(setting["asylum"].pk) in chosen


@pytest.mark.parametrize("query", ["?point=abc", "?point=999999", "?official=x", "?official=-1"])
def test_unknown_ids_in_the_query_start_from_the_beginning(client, setting, query):
    response = client.get(f"/letters/{query}")
    assert response.status_code == 200
    assert "Choose the office you want to write to" in response.content.decode()


def test_rejected_point_in_the_query_is_ignored(client, setting):
    response = client.get(f"/letters/?point={setting['suggested'].pk}")
    assert "Your letter will ask" not in response.content.decode()


def test_korean_letter_leaves_out_points_without_korean_and_says_so(client, setting):
    page = client.get(f"/letters/?official={setting['minister'].pk}")
    picks = [str(setting["asylum"].pk), str(setting["hotline"].pk)]
    about = submit(client, page, replace={"points": picks})
    letter = submit(client, about, replace={"name": "김민수", "city": "서울"})
    html = letter.content.decode()
    _name, text = the_letter(letter)
    assert text.startswith("존경하는 통일부 장관님께")
    assert "탈북민에게 망명을 허용해 주십시오." in text
    assert "hotline" not in text
    assert "no Korean version yet" in html
    assert "Open a hotline for defectors in Seoul" in html
    ready = submit(client, letter)
    assert Letter.objects.get().language == "ko"
    assert "서울에서 김민수 드림" in ready.content.decode()


def test_a_letter_without_an_ask_is_refused_and_the_step_offers_reworded_points(
    client, setting
):
    page = client.get(f"/letters/?official={setting['minister'].pk}")
    # The only point chosen has no Korean version: the Korean letter would ask nothing.
    again = submit(client, page, replace={"points": [str(setting["hotline"].pk)]})
    html = again.content.decode()
    assert "What should your letter to Minister of Unification ask for?" in html
    assert "A letter must ask something the office can do" in html
    assert 'aria-describedby="point-' in html and "id_points_error" in html
    # The point addressed to China is offered, worded for the ministry.
    assert "Points addressed to others, worded for this office" in html
    assert "Raise the matter with Beijing and urge it to stop the forced repatriation" in html
    about = submit(client, again, replace={"points": [str(setting["stop"].pk)]})
    assert "About you" in about.content.decode()


def test_an_office_no_point_reaches_gets_the_sender_s_own_words(client, setting):
    TalkingPoint.objects.exclude(pk=setting["hotline"].pk).update(status="rejected")
    page = client.get(f"/letters/?official={setting['minister'].pk}")
    about = submit(client, page, replace={"points": [str(setting["hotline"].pk)]})
    again = submit(client, about, replace={"name": "김민수"})
    html = again.content.decode()
    assert "write what you want to ask in a few words of your own" in html
    assert 'aria-invalid="true"' in html
    letter = submit(client, again, replace={"personal": "탈북민을 보호해 주십시오."})
    assert "탈북민을 보호해 주십시오." in the_letter(letter)[1]


def test_missing_name_gets_a_plain_error(client, setting):
    page = client.get(f"/letters/?official={setting['ambassador'].pk}")
    about = submit(client, page)
    again = submit(client, about, replace={"name": ""})
    html = again.content.decode()
    assert "Enter the name you want to sign the letter with." in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html


def test_no_office_chosen_gets_a_plain_error(client, setting):
    response = client.post("/letters/", {"step": "official", "next": "1"})
    assert "Choose the office you want to write to." in response.content.decode()


@pytest.mark.parametrize(
    "field, value",
    [
        ("officials", "999999"),
        ("officials", "not-a-number"),
        ("points", "abc"),
        ("points", "999999"),
        ("name", "x" * 101),
        ("key", "forged-key"),
        ("text", "x" * 10001),
        ("text", "a\n" * 5000),
    ],
)
def test_tampered_hidden_fields_get_a_clear_error_not_a_crash(client, setting, field, value):
    page = client.get(f"/letters/?official={setting['ambassador'].pk}")
    about = submit(client, page)
    letter = submit(client, about, replace={"name": "Alice"})
    if field == "text":
        field = the_letter(letter)[0]
    response = submit(client, letter, replace={field: value})
    assert response.status_code == 200
    html = response.content.decode()
    assert Letter.objects.count() == 0
    assert 'class="errorlist' in html
    if not field.startswith(("key", "letter-")):
        assert "One of your earlier answers could not be read" in html


def test_unknown_step_starts_again(client, setting):
    response = client.post("/letters/", {"step": "hack", "next": "1"})
    assert response.status_code == 200
    assert "Choose the office you want to write to" in response.content.decode()


def test_letter_form_is_escaped(client, setting):
    page = client.get(f"/letters/?official={setting['ambassador'].pk}")
    about = submit(client, page)
    letter = submit(client, about, replace={"name": "<script>alert(1)</script>"})
    html = letter.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_korean_readers_see_the_korean_asks(client, setting):
    response = client.get(
        f"/ko/letters/?official={setting['minister'].pk}"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ko">' in html
    assert "탈북민에게 망명을 허용해 주십시오" in html
    assert "Open a hotline for defectors in Seoul" in html  # no Korean yet: the English ask
