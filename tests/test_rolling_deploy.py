"""During a rolling deploy the servers of the release before run beside the migrated
database for a while. Their INSERT of a signature names only the columns they know:
every column added since must be nullable or have a default in the database, or their
signatures are refused (the release of 0a75a46 answered such a refusal like a repeat
signature, so they were acknowledged and never stored)."""

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.models import NOT_PROVIDED
from django.utils import timezone

from campaign.models import Signature
from tests.factories import make_petition

pytestmark = pytest.mark.django_db


def fields_of_the_first_release():
    state = MigrationLoader(connection).project_state(("campaign", "0001_initial"))
    return {name for name, _field in state.models["campaign", "signature"].fields.items()}


def added_columns():
    first = fields_of_the_first_release()
    return [
        field
        for field in Signature._meta.concrete_fields
        if field.name not in first and field.name != "petition"
    ]


def test_every_column_added_since_the_first_release_can_be_left_out_of_an_insert():
    assert added_columns(), "the signature has gained columns since its first release"
    for field in added_columns():
        assert field.null or field.db_default is not NOT_PROVIDED, (
            f"Signature.{field.name} is NOT NULL with no default in the database"
        )


def test_a_server_of_the_release_before_can_still_store_a_signature():
    petition = make_petition()
    first = fields_of_the_first_release()
    columns = {
        "petition_id": petition.pk, "name": "Old Release", "email": "old@example.org",
        "normalised_email": "old@example.org", "country": "KR", "postal_code": "",
        "comment": "", "comment_state": Signature._meta.get_field("comment_state").default,
        "show_name": False, "wants_updates": False, "state": Signature.State.PENDING,
        "token_nonce": "n" * 64, "source": "", "flagged": False, "flag_reason": "",
        "invalidation_reason": "", "ip_hash": "", "language": "en",
        "created_at": timezone.now(), "updated_at": timezone.now(),
    }  # fmt: skip
    columns = {name: value for name, value in columns.items() if name.removesuffix("_id") in first}
    table = connection.ops.quote_name(Signature._meta.db_table)
    names = ", ".join(connection.ops.quote_name(name) for name in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(columns.values()))  # noqa: S608
    stored = Signature.objects.get(email="old@example.org")
    assert stored.ref == ""
    assert stored.signer_number is None
