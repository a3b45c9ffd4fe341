"""Many people signing at once on PostgreSQL: the count is exact, nothing fails.

Each worker thread has its own database connection (Django opens one per
thread) and closes it when its job is done. The jobs go through the real
views: the signing form, then the confirmation link.
"""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from campaign.lib import clients
from campaign.models import CountryTally, Signature
from campaign.petition import signatures
from campaign.petition.rules import normalise_email
from tests.factories import make_petition, signature_form, visitor

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

WORKERS = 16  # connections open at once; the server is shared with other suites
COUNTRIES = ["KR", "JP", "US", "DE", "GB"]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite runs one writer at a time")


@pytest.fixture
def open_limits(settings):
    # Everyone comes from 127.0.0.1 here; the limits are not under test.
    settings.SIGNING_RATE_LIMITS = {
        "burst": (10_000, 60),
        "sustained": (10_000, 86400),
        "hard": (10_000, 600),
    }
    settings.SIGNING_MAIL_LIMIT = (100, 3600)


def run_in_threads(jobs, work):
    def job(item):
        try:
            return work(item)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(job, jobs))


def test_200_parallel_signatures_with_50_duplicates_count_exactly_150(open_limits):
    petition = make_petition()
    unique = [f"signer{n}@example.org" for n in range(150)]
    # 50 people submit twice, written differently (case, +tag): 200 submissions.
    submissions = [(email, COUNTRIES[n % 5]) for n, email in enumerate(unique)]
    submissions += [(f"Signer{n}+again@Example.org", COUNTRIES[n % 5]) for n in range(0, 150, 3)]
    assert len(submissions) == 200

    def sign_and_confirm(submission):
        email, country = submission
        client = visitor()
        response = client.post(
            petition.get_absolute_url(), signature_form(email=email, country=country)
        )
        assert response.status_code == 302, response.content[:500]
        signature = Signature.objects.get(
            petition=petition, normalised_email=normalise_email(email)
        )
        link = signatures.link_path(signature, signatures.CONFIRM)
        response = client.post(link)
        # Whichever of two duplicate submissions confirms second sees the thank-you
        # redirect too (confirming is idempotent) or the "already confirmed" page.
        assert response.status_code in (200, 302), response.content[:500]
        return response.status_code

    started = time.monotonic()
    statuses = run_in_threads(submissions, sign_and_confirm)
    elapsed = time.monotonic() - started

    petition.refresh_from_db()
    confirmed = Signature.objects.filter(petition=petition, state="confirmed").count()
    tallies = dict(CountryTally.objects.filter(petition=petition).values_list("country", "count"))
    print(
        f"\n200 submissions in {elapsed:.1f}s with {WORKERS} threads: "
        f"{confirmed} confirmed rows, stored count {petition.signature_count}, "
        f"tallies {tallies}"
    )
    assert len(statuses) == 200
    assert Signature.objects.filter(petition=petition).count() == 150
    assert confirmed == 150
    assert petition.signature_count == 150
    assert tallies == dict.fromkeys(COUNTRIES, 30)
    assert signatures.recount(petition.pk, fix=False).was_wrong is False


def test_parallel_invalidation_and_confirmation_keep_the_count(open_limits):
    petition = make_petition()
    pending = []
    for n in range(60):
        signatures.sign_petition(
            petition, {"name": "A", "email": f"p{n}@example.org", "country": "KR"}, {}
        )
        pending.append(Signature.objects.get(normalised_email=f"p{n}@example.org").pk)

    def act(pk):
        signatures.confirm_signature(pk)
        if pk % 2:
            signatures.invalidate_signatures(Signature.objects.filter(pk=pk), "test")
        if pk % 3 == 0:
            signatures.withdraw_signature(pk)

    run_in_threads(pending, act)
    petition.refresh_from_db()
    assert petition.signature_count == Signature.objects.counted().filter(petition=petition).count()
    assert signatures.recount(petition.pk, fix=False).was_wrong is False


def test_rate_limit_counters_lose_no_hits_under_concurrency():
    key = f"rl:concurrency:{time.time()}"
    run_in_threads(range(160), lambda _n: clients.hit(key, 3600))
    assert clients.hit(key, 3600) == 161
