"""PostgreSQL restarts while supporters are using the site: they get a calm 503 page during
the outage, the site recovers by itself, and nothing that was confirmed to them is lost."""

import threading
import time

import pytest

from tests.faults.fixtures import collected_static, private_postgres, start_site  # noqa: F401
from tests.faults.harness import PETITION, SIGNING_ENV, manage, signer, wait_until

pytestmark = pytest.mark.faults


class Traffic(threading.Thread):
    """Sends requests one after another until told to stop; keeps every answer."""

    def __init__(self, send):
        super().__init__(daemon=True)
        self.send = send
        self.answers = []
        self.stopping = threading.Event()

    def run(self):
        number = 0
        while not self.stopping.is_set():
            number += 1
            started = time.monotonic()
            try:
                status, headers, body = self.send(number)
            except OSError as error:  # the site itself must never drop a connection
                status, headers, body = None, {}, repr(error)
            self.answers.append((number, started, status, headers, body))

    def count(self, status, since=0.0):
        return sum(1 for a in self.answers if a[2] == status and a[1] >= since)


def test_pages_answer_503_while_postgresql_restarts_and_recover(private_postgres, start_site):
    private_postgres.createdb("faults_pages")
    # Persistent connections are the hard case: every one of them dies in the restart.
    site = start_site(private_postgres.url("faults_pages"), CONN_MAX_AGE="60")
    browser = site.browser()
    traffic = Traffic(lambda n: browser.get("/"))
    traffic.start()
    try:
        wait_until(lambda: traffic.count(200) >= 10, 30, "pages before the restart")
        private_postgres.stop()
        outage_began = time.monotonic()
        wait_until(lambda: traffic.count(503, since=outage_began) >= 3, 30, "503 during outage")
        private_postgres.start()
        back = time.monotonic()
        wait_until(lambda: traffic.count(200, since=back) >= 10, 60, "pages after the restart")
    finally:
        traffic.stopping.set()
        traffic.join(timeout=30)
        if not private_postgres.is_running():
            private_postgres.start()

    statuses = {a[2] for a in traffic.answers}
    assert statuses <= {200, 503}, statuses
    for _, _, status, headers, body in traffic.answers:
        if status == 503:
            assert headers.get("Retry-After")
            assert "Back in a moment" in body
    print(
        f"\n[database restart, pages] {len(traffic.answers)} requests: "
        f"{traffic.count(200)} answered 200, {traffic.count(503)} answered 503 during the outage"
    )


def test_signatures_survive_a_postgresql_restart(private_postgres, start_site):
    private_postgres.createdb("faults_signing")
    site = start_site(private_postgres.url("faults_signing"), CONN_MAX_AGE="60", **SIGNING_ENV)
    manage("shell", "--no-imports", "-c", PETITION, env=site.env)
    traffic = Traffic(signer(site.browser(), "/petitions/faults/"))
    traffic.start()
    try:
        wait_until(lambda: traffic.count(302) >= 10, 60, "signatures before the restart")
        outage_began = time.monotonic()
        private_postgres.stop()
        # A restart or failover of a few seconds, with signatures arriving all the while.
        time.sleep(2)
        private_postgres.start()
        outage = time.monotonic() - outage_began
        assert traffic.count(503, since=outage_began) >= 3, "no request met the outage"
        back = time.monotonic()
        wait_until(lambda: traffic.count(302, since=back) >= 10, 60, "signatures after it")
        recovered_after = min(a[1] for a in traffic.answers if a[2] == 302 and a[1] >= back) - back
    finally:
        traffic.stopping.set()
        traffic.join(timeout=30)
        if not private_postgres.is_running():
            private_postgres.start()

    statuses = {a[2] for a in traffic.answers}
    assert statuses <= {302, 503}, statuses
    for _, _, status, headers, body in traffic.answers:
        if status == 503:
            assert headers.get("Retry-After")
            assert "Back in a moment" in body
        else:
            assert headers["Location"].endswith("/check-inbox/")
    confirmed = {f"signer{a[0]}@example.org" for a in traffic.answers if a[2] == 302}
    refused = {f"signer{a[0]}@example.org" for a in traffic.answers if a[2] == 503}
    stored = set(private_postgres.psql("faults_signing", "select email from campaign_signature"))
    lost = confirmed - stored
    assert not lost, f"signatures answered with success but not stored: {sorted(lost)}"
    # Each stored signature has the task that mails it queued in the same transaction.
    queued = private_postgres.psql(
        "faults_signing",
        "select args_kwargs->'args'->>1 from django_tasks_database_dbtaskresult "
        "where task_path like '%.mail_signer'",
    )
    assert stored <= set(queued)
    print(
        f"\n[database restart, signing] {len(traffic.answers)} signatures posted: "
        f"{len(confirmed)} answered 302 (all {len(confirmed & stored)} stored, lost: "
        f"{len(lost)}), {len(refused)} answered 503 during a {outage:.1f}s outage "
        f"({len(refused & stored)} of them stored anyway); first success "
        f"{recovered_after:.2f}s after the server was back"
    )
