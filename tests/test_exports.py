"""Exports for delivery: names only with consent, no emails, no spreadsheet formulas."""

import csv
import io

import pytest
from pypdf import PdfReader

from campaign.models import PaperTally, Signature
from tests.factories import make_petition, make_signature, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def petition():
    petition = make_petition(
        statement="We ask China to stop sending defectors back.\n\nLet them travel safely.",
        addressee="The government of China",
    )
    make_signature(petition, "Ana Lima", country="BR")
    make_signature(petition, '=HYPERLINK("http://evil.example","click")', email="x@evil.example")
    make_signature(petition, "Hidden Person", show_name=False, country="JP")
    make_signature(petition, "Never Confirmed", state=Signature.State.PENDING)
    make_signature(petition, "Held Back", flagged=True)
    make_signature(petition, "Thrown Out", state=Signature.State.INVALIDATED)
    return petition


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_holds_counted_signers_names_only_with_consent_and_no_emails(
    client, moderator, petition
):
    rows = read_csv(client.get(f"/admin/petitions/{petition.pk}/signatures.csv"))
    header, *body = rows
    assert header == ["Name", "Country", "Confirmed on"]
    assert len(body) == 3
    names = [row[0] for row in body]
    assert "Ana L." in names
    assert "" in names  # the signer who did not consent is counted, unnamed
    flat = " ".join(" ".join(row) for row in rows)
    for absent in ("Hidden Person", "Never Confirmed", "Held Back", "Thrown Out", "@"):
        assert absent not in flat.replace("'=HYPERLINK", "")
    assert "example.org" not in flat and "evil.example" not in flat.split("click")[1]


def test_a_formula_name_is_neutralised_in_the_csv(client, moderator, petition):
    rows = read_csv(client.get(f"/admin/petitions/{petition.pk}/signatures.csv"))
    formula = [row[0] for row in rows if "HYPERLINK" in row[0]]
    assert formula == ['\'=HYPERLINK("http://evil.example","click")']


def test_the_delivery_pdf_has_the_text_the_count_and_only_consenting_names(
    client, moderator, petition
):
    PaperTally.objects.create(
        petition=petition, gathered_by="Seoul stall", date="2026-11-01", count=1200
    )
    response = client.get(f"/admin/petitions/{petition.pk}/delivery.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    # Compare words, not line breaks: the title wraps.
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Stop the forced repatriation of North Korean defectors" in text
    assert "We ask China to stop sending defectors back." in text
    assert "3 people signed online" in text
    assert "Plus 1,200 signatures collected on paper and by partners" in text
    assert "Ana L." in text and "Brazil" in text
    assert "Hidden Person" not in text and "Never Confirmed" not in text
    assert "and 1 other person who signed without showing their name" in text
    assert "Page 1" in text
    assert "@" not in text


def test_the_delivery_pdf_numbers_every_page_and_prints_korean_names(client, moderator):
    petition = make_petition(slug="long")
    for n in range(120):
        make_signature(petition, f"김민준 {n}", email=f"k{n}@example.org")
    response = client.get(f"/admin/petitions/{petition.pk}/delivery.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 3
    last = reader.pages[-1].extract_text()
    assert f"Page {len(reader.pages)}" in last
    assert "김민준 1." in "".join(page.extract_text() for page in reader.pages)


def test_exports_need_the_export_permission(client, petition):
    client.force_login(make_staff("plain-staff"))
    assert client.get(f"/admin/petitions/{petition.pk}/signatures.csv").status_code == 403
    assert client.get(f"/admin/petitions/{petition.pk}/delivery.pdf").status_code == 403
    client.logout()
    anonymous = client.get(f"/admin/petitions/{petition.pk}/signatures.csv")
    assert anonymous.status_code == 302


def test_the_petition_page_in_the_admin_offers_the_exports(client, moderator, petition):
    page = client.get(f"/admin/campaign/petition/{petition.pk}/change/").content.decode()
    assert f"/admin/petitions/{petition.pk}/signatures.csv" in page
    assert f"/admin/petitions/{petition.pk}/delivery.pdf" in page
