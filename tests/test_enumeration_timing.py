"""Neither the page nor its timing tells a visitor whether an address has signed.

"Send me a new link" for a known address used to render and queue a mail in the
request while an unknown one cost a single look-up (8.9 ms against 5.2 ms, enough to
guess right 77 times in 80); signing again with a known address took another path
than signing anew. Both requests now do the same work whatever the address: the
decision, and the mail, are left to a task. Here the tasks are only queued (the
database backend), as in production, and each request's queries are compared.
"""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from campaign.lib import counters
from campaign.models import OutgoingMail, Signature
from tests.factories import make_signature, signature_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_tasks(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The occasional sweep of expired rate counters is not part of either path.
    monkeypatch.setattr(counters.random, "randrange", lambda n: 1)


def shape(sql):
    """A query without its values: what the database is asked to do, not with what."""
    sql = re.sub(r'"s\d+_x\d+"', '"savepoint"', sql)
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+(?:\.\d+)?\b", "?", sql)
    return re.sub(r"\(\?(?:, \?)*\)", "(?...)", sql)


def queries_of(client, url, data):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    return response, [shape(query["sql"]) for query in queries.captured_queries]


def test_asking_for_a_new_link_runs_the_same_queries_for_known_and_unknown_addresses(
    client, petition, queued_tasks
):
    make_signature(petition, email="known@example.org", state="pending")
    url = f"/petitions/{petition.slug}/resend/"
    queries_of(client, url, {"email": "warm-up@example.org"})

    known_response, known = queries_of(client, url, {"email": "known@example.org"})
    unknown_response, unknown = queries_of(client, url, {"email": "nobody@example.org"})

    assert known_response["Location"] == unknown_response["Location"]
    assert len(known) == len(unknown)
    assert known == unknown
    # No mail was written in either request: the task decides, later.
    assert not OutgoingMail.objects.exists()
    assert DBTaskResult.objects.count() == 3


def test_signing_runs_the_same_queries_for_a_new_and_an_existing_signer(
    client, petition, queued_tasks
):
    make_signature(petition, email="signed@example.org")
    url = petition.get_absolute_url()
    queries_of(client, url, signature_form(email="warm-up@example.org"))

    new_response, new = queries_of(client, url, signature_form(email="new@example.org"))
    again_response, again = queries_of(client, url, signature_form(email="signed@example.org"))

    assert new_response["Location"] == again_response["Location"]
    assert len(new) == len(again)
    assert new == again
    assert not OutgoingMail.objects.exists()
    assert Signature.objects.count() == 3


def test_the_task_sends_what_the_request_no_longer_decides(client, petition, on_commit):
    # With tasks run at once (the suite's default), the mails are those of before.
    make_signature(petition, email="signed@example.org")
    make_signature(petition, email="pending@example.org", state="pending")
    url = f"/petitions/{petition.slug}/resend/"
    with on_commit():
        client.post(url, {"email": "pending@example.org"})
        client.post(url, {"email": "signed@example.org"})
        client.post(url, {"email": "nobody@example.org"})
    assert [(m.to, m.subject.split()[0]) for m in mail.outbox] == [
        (["pending@example.org"], "Please"),
        (["signed@example.org"], "You"),
    ]
