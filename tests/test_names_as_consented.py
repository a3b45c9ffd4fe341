"""Names leave the site only as the signer consented: "Show my first name and initial on
the list of signers". Some signers have family in North Korea; a full name in the file
handed to an embassy is the worst leak the site could make.

Every way signers' names leave the site is tried against every consent state: the
delivery CSV and PDF, the petition page (signers and comments), the JSON, the widget
and the live counter.
"""

import csv
import io

import pytest
from pypdf import PdfReader

from campaign.models import Signature
from tests.factories import make_petition, make_signature

pytestmark = pytest.mark.django_db

FULL_NAME = "Anna Maria Berglund"
CONSENTED_FORM = "Anna B."


def csv_text(client, petition):
    response = client.get(f"/admin/petitions/{petition.pk}/signatures.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return " ".join(" ".join(row) for row in csv.reader(io.StringIO(text)))


def pdf_text(client, petition):
    response = client.get(f"/admin/petitions/{petition.pk}/delivery.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def page_text(client, petition):
    return client.get(petition.get_absolute_url()).content.decode()


def json_text(client, petition):
    return client.get(f"/petitions/{petition.slug}.json").content.decode()


def widget_text(client, petition):
    return client.get(f"/petitions/{petition.slug}/widget/").content.decode()


def counter_text(client, petition):
    return client.get(f"/petitions/{petition.slug}/count/").content.decode()


EXPORTS = {
    "csv": csv_text,
    "pdf": pdf_text,
    "petition page": page_text,
    "json": json_text,
    "widget": widget_text,
    "counter": counter_text,
}
# Where a consenting signer's name appears at all (as the first name and initial).
NAMED_IN = {"csv", "pdf", "petition page"}


@pytest.fixture
def signed(db):
    def make(show_name, comment=""):
        petition = make_petition()
        make_signature(
            petition,
            FULL_NAME,
            show_name=show_name,
            comment=comment,
            comment_state=Signature.CommentState.APPROVED if comment else "pending",
        )
        return petition

    return make


@pytest.mark.parametrize("export", list(EXPORTS))
@pytest.mark.parametrize("with_comment", [False, True], ids=["no comment", "approved comment"])
def test_a_signer_who_consented_appears_as_first_name_and_initial_only(
    client, moderator, signed, export, with_comment
):
    petition = signed(show_name=True, comment="Free them." if with_comment else "")
    text = EXPORTS[export](client, petition)
    assert "Berglund" not in text and "Anna Maria" not in text
    if export in NAMED_IN:
        assert CONSENTED_FORM in text


@pytest.mark.parametrize("export", list(EXPORTS))
@pytest.mark.parametrize("with_comment", [False, True], ids=["no comment", "approved comment"])
def test_a_signer_who_did_not_consent_is_never_named(
    client, moderator, signed, export, with_comment
):
    petition = signed(show_name=False, comment="Free them." if with_comment else "")
    text = EXPORTS[export](client, petition)
    assert "Anna" not in text and "Berglund" not in text
    if export == "petition page" and with_comment:
        assert "Free them." in text and "A signer" in text


@pytest.mark.parametrize("export", ["csv", "pdf"])
@pytest.mark.parametrize("state", ["pending", "flagged", "invalidated"])
def test_signatures_outside_the_count_are_not_delivered_at_all(
    client, moderator, export, state
):
    petition = make_petition()
    if state == "flagged":
        make_signature(petition, FULL_NAME, flagged=True)
    else:
        make_signature(petition, FULL_NAME, state=state)
    assert "Anna" not in EXPORTS[export](client, petition)


def test_the_delivery_pdf_names_each_consenting_signer_as_on_the_public_list(
    client, moderator
):
    petition = make_petition()
    make_signature(petition, "김민준", email="k@example.org")
    make_signature(petition, "Jean-Luc Picard", country="FR")
    text = pdf_text(client, petition)
    assert "김** — South Korea" in text
    assert "Jean-Luc P. — France" in text
    assert "Picard" not in text
