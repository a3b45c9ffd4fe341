"""The signer export a campaigner opens in a spreadsheet runs nothing and leaks no email."""

import csv
import io

import pytest

from campaign.models import Signature
from campaign.petition import exports, signatures
from tests.factories import make_petition

pytestmark = pytest.mark.django_db

HOSTILE_NAMES = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "<script>alert(1)</script>",
    "김정은 반대 🕊️",
]


def test_the_signer_csv_neutralises_formulas_and_holds_no_email():
    petition = make_petition()
    for number, name in enumerate(HOSTILE_NAMES):
        # Written directly, as an admin edit or an older import could: the form refuses most.
        signature = Signature.objects.create(
            petition=petition, name=name, email=f"export{number}@example.org",
            normalised_email=f"export{number}@example.org", country="KR", show_name=True,
            token_nonce=f"{number:064d}",
        )
        signatures.confirm_signature(signature.pk)
    text = "".join(exports.csv_lines(exports.signer_rows(petition)))
    assert "@example.org" not in text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "-", "@", "\t", "\r"}]
    names = [row[0] for row in rows[1:]]
    # As consented: the first name and an initial, as on the public list.
    assert "김정은 🕊." in names
    assert len(names) == len(HOSTILE_NAMES)
