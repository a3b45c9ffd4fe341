"""What the campaign keeps of a letter: one record per letter, its text only on opt-in."""

from io import StringIO

import pytest
from django.core.management import call_command

from campaign import demo
from campaign.letters.models import letter_counts_by_point
from campaign.models import Letter, Official
from tests.factories import make_official, make_point
from tests.letter_forms import form_fields, submit, the_letter

pytestmark = pytest.mark.django_db


@pytest.fixture
def official():
    return make_official()


@pytest.fixture
def point():
    return make_point("Stop the forced returns")


def draft(client, official, name="Alice Kim"):
    page = client.get(f"/letters/?official={official.pk}")
    about = submit(client, page)
    return submit(client, about, replace={"name": name, "city": "Toronto", "country": "Canada"})


def test_posting_the_last_step_twice_records_one_letter(client, official, point):
    letter = draft(client, official)
    submit(client, letter)
    submit(client, letter)  # a reload or a double click sends the same form again
    assert Letter.objects.count() == 1


def test_two_letters_are_two_records(client, official, point):
    submit(client, draft(client, official))
    submit(client, draft(client, official, name="Bo"))
    assert Letter.objects.filter(official=official).count() == 2
    assert letter_counts_by_point() == {point.pk: 2}


def test_letter_text_and_name_are_not_kept_without_consent(client, official, point):
    submit(client, draft(client, official))
    letter = Letter.objects.get()
    assert letter.shared is False
    assert letter.text == "" and letter.sender_name == "" and letter.city == ""
    assert letter.country == "Canada"


def test_letter_text_is_kept_when_the_sender_shares_it(client, official, point):
    letter = draft(client, official)
    name, text = the_letter(letter)
    text += "\n\nP.S. Shared."
    submit(client, letter, replace={"share": "on", name: text})
    record = Letter.objects.get()
    assert record.shared is True
    assert record.text.replace("\r\n", "\n") == text
    assert record.sender_name == "Alice Kim"
    assert record.city == "Toronto"


def test_share_checkbox_is_off_by_default(client, official, point):
    letter = draft(client, official)
    assert "share" not in dict(form_fields(letter))
    assert "Share my letter with the campaign" in letter.content.decode()


def test_official_card_shows_the_number_of_letters(client, official, point):
    submit(client, draft(client, official))
    html = client.get("/letters/").content.decode()
    assert "1 letter written to this office" in html
    submit(client, draft(client, official, name="Bo"))
    assert "2 letters written to this office" in client.get("/letters/").content.decode()


def test_points_show_how_many_letters_used_them(client, official, point):
    submit(client, draft(client, official))
    page = client.get(f"/letters/?official={official.pk}")
    assert "Used in 1 letter." in page.content.decode()


def test_demo_officials_are_loaded_once_and_all_need_checking():
    assert demo.create_demo_officials() == len(demo.DEMO_OFFICIALS)
    assert demo.create_demo_officials() == 0
    officials = Official.objects.all()
    assert officials.count() == len(demo.DEMO_OFFICIALS)
    assert all(o.needs_check for o in officials)
    assert not any(o.name or o.email or o.postal_address for o in officials)
    korean = {o.title for o in officials if o.language == "ko"}
    assert "Minister of Unification" in korean and "Minister of Foreign Affairs" in korean


def test_load_demo_creates_the_officials(settings):
    call_command("load_demo", stdout=StringIO())
    assert Official.objects.filter(needs_check=True).count() == len(demo.DEMO_OFFICIALS)


def test_a_flood_of_letters_from_one_network_is_not_counted_but_keeps_the_text(
    client, official, point, settings
):
    settings.LETTER_RATE_LIMIT = (1, 3600)
    first = draft(client, official)
    submit(client, first)
    submit(client, first)  # the same letter again is not a new one
    second = draft(client, official, name="Bo")
    text = the_letter(second)[1]
    response = submit(client, second)
    assert response.status_code == 429
    html = response.content.decode()
    assert "cannot record this one now" in html
    assert the_letter(response)[1] == text
    assert Letter.objects.count() == 1
    swapped = submit(client, second, HTTP_HX_REQUEST="true")
    assert swapped.status_code == 200  # htmx only swaps successful responses in
    assert "cannot record this one now" in swapped.content.decode()
