"""PostgreSQL restarts while supporters are using the site: they get a calm 503 page during
the outage, the site recovers by itself, and nothing that was confirmed to them is lost."""

import threading
import time

import pytest

from faults.harness import wait_until

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
