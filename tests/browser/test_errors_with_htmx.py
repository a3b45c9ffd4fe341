"""With JavaScript on, a form that meets an error still shows the supporter what happened."""

import pytest
from django.db import OperationalError

from campaign.petition import signatures
from tests.factories import make_petition

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_signature_sent_during_a_database_outage_shows_the_retry_page(
    live_server, page, monkeypatch
):
    petition = make_petition()

    def outage(*args, **kwargs):
        raise OperationalError("the database server is restarting")

    monkeypatch.setattr(signatures, "sign_petition", outage)
    page.goto(live_server.url + petition.get_absolute_url())
    page.wait_for_function("() => window.htmx !== undefined")
    page.get_by_label("Your name").fill("Mina Park")
    page.get_by_label("Your email address").fill("mina@example.org")
    page.get_by_label("Country").select_option("KR")
    page.get_by_role("button", name="Sign the petition").click()
    page.get_by_role("heading", name="Back in a moment").wait_for()
    # Swapped in by htmx: the page itself never reloaded.
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
