"""The signing form's time-stamp is for one visitor and one day.

It holds when the form was shown (a form sent back within seconds is a bot's); it
could be copied once and replayed forever, by anyone. Now it carries a digest of
the visitor's CSRF cookie and expires: a copied or stale time-stamp holds the
signature for a moderator, like any other sign of automation.
"""

import re
import time

import pytest
from django.conf import settings
from django.test import Client, RequestFactory

from campaign.models import Signature
from campaign.petition import abuse
from tests.factories import CSRF_SECRET, form_started, sign

pytestmark = pytest.mark.django_db


def hidden(page, name):
    return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)


def request_with_cookie(secret):
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = secret
    return request


def test_a_time_stamp_older_than_a_day_holds_the_signature(client, petition, on_commit):
    stale = form_started(seconds_ago=settings.SIGNING_FORM_MAX_SECONDS + 60)
    sign(client, petition, on_commit, started=stale)
    signature = Signature.objects.get()
    assert signature.flagged
    assert "fill time: expired" in signature.flag_reason


def test_a_time_stamp_made_for_another_visitor_holds_the_signature(client, petition, on_commit):
    someone_else = abuse.form_started_token(
        request_with_cookie("x" * 32), now=time.time() - 60
    )
    sign(client, petition, on_commit, started=someone_else)
    signature = Signature.objects.get()
    assert signature.flagged
    assert "fill time: not this visitor's" in signature.flag_reason


def test_a_visitors_own_time_stamp_within_the_day_is_fine():
    started = abuse.form_started_token(request_with_cookie(CSRF_SECRET), now=time.time() - 3600)
    assert abuse.fill_time_problem(started, request_with_cookie(CSRF_SECRET)) == ""
    assert abuse.fill_time_problem(started, request_with_cookie("y" * 32)) != ""


def test_a_time_stamp_copied_from_one_visitors_page_does_not_work_for_another(
    petition, on_commit, settings
):
    settings.SIGNING_MIN_FILL_SECONDS = 0
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(petition.get_absolute_url()).content.decode()
    second_page = second.get(petition.get_absolute_url()).content.decode()
    for number, (client, page, started) in enumerate([
        (first, first_page, hidden(first_page, "started")),
        (second, second_page, hidden(first_page, "started")),  # copied from the first
    ]):
        with on_commit():
            client.post(petition.get_absolute_url(), {
                "csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
                "started": started, "name": "Mina Park",
                "email": f"mina{number}@example.org", "country": "KR",
            })
    held = dict(Signature.objects.values_list("email", "flagged"))
    assert held == {"mina0@example.org": False, "mina1@example.org": True}
