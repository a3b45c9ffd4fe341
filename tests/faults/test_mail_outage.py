"""The mail server is down, or the worker dies while sending: signatures are kept, their
confirmation mail stays queued, and it goes out once things are back.

Delivery is at-least-once. A message is claimed (its attempts counter raised) before it is
sent and marked sent after the server accepted it. A worker killed before the server
accepted leaves the row queued and nothing delivered: the recovery sends it exactly once. A
worker killed after the server accepted but before the row was marked sent leaves a row that
looks unsent: the recovery sends it again. Losing a confirmation link would lose a
signature; a second copy of it costs nothing, so the queue errs on that side.
"""

import os
import signal
import subprocess
import sys
import time

import pytest
from fixtures import collected_static, smtp_server  # noqa: F401
from harness import (
    PETITION,
    ROOT,
    SIGNING_ENV,
    launch_site,
    manage,
    signer,
    smtp_env,
    sqlite_rows,
    wait_until,
)

pytestmark = pytest.mark.faults


@pytest.fixture(scope="module")
def site(collected_static, tmp_path_factory):
    """The site on a SQLite database of its own (no PostgreSQL needed here)."""
    folder = tmp_path_factory.mktemp("mail-faults")
    database = folder / "db.sqlite3"
    site = launch_site(f"sqlite:///{database}", folder / "gunicorn.log", **SIGNING_ENV)
    site.database = str(database)
    manage("shell", "--no-imports", "-c", PETITION, env=site.env)
    yield site
    site.stop()


def mail_rows(site, prefix):
    return sqlite_rows(
        site.database,
        'select "to", state, attempts, last_error from campaign_outgoingmail '
        'where "to" like ? order by "to"',
        (f"{prefix}%",),
    )


def sign_many(site, prefix, count):
    sign = signer(site.browser(), "/petitions/faults/", prefix=prefix)
    for number in range(count):
        status, headers, _ = sign(number)
        assert status == 302, status
    return {f"{prefix}{number}@example.org" for number in range(count)}


def worker(site, server, *args):
    env = {**site.env, **smtp_env(server)}
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2",
         *args],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def run_worker_until_idle(site, server):
    process = worker(site, server, "--batch")
    assert process.wait(timeout=120) == 0


def send_queued_mail(site, server):
    return manage("send_queued_mail", env={**site.env, **smtp_env(server)})


def let_retry_time_pass(site):
    # The failed attempt was rescheduled a minute ahead; move the clock rather than wait.
    long_ago = "2000-01-01 00:00:00"
    sqlite_rows(site.database, "update campaign_outgoingmail set next_attempt_at = ?",
                (long_ago,))
    sqlite_rows(site.database, "update django_tasks_database_dbtaskresult set run_after = ? "
                "where status = 'READY'", (long_ago,))


def test_signatures_are_kept_and_mail_waits_while_the_mail_server_is_down(site, smtp_server):
    emails = sign_many(site, "down", 5)
    # The server is not started: every connection to it is refused.
    run_worker_until_idle(site, smtp_server)

    stored = {row[0] for row in sqlite_rows(
        site.database, "select email from campaign_signature where email like 'down%'")}
    assert stored == emails
    rows = mail_rows(site, "down")
    assert [row[0] for row in rows] == sorted(emails)
    assert {row[1] for row in rows} == {"queued"}
    assert {row[2] for row in rows} == {1}
    assert all("Connection refused" in row[3] or "Errno" in row[3] for row in rows), rows

    smtp_server.start()
    let_retry_time_pass(site)
    run_worker_until_idle(site, smtp_server)
    assert sorted(smtp_server.recipients("down")) == sorted(emails)
    assert {row[1] for row in mail_rows(site, "down")} == {"sent"}

    # Nothing is left to send twice.
    send_queued_mail(site, smtp_server)
    assert sorted(smtp_server.recipients("down")) == sorted(emails)
    print(
        f"\n[mail server down] {len(emails)} signatures kept, {len(rows)} mails queued with "
        f"1 failed attempt each; after the server came back: {len(smtp_server.recipients('down'))} "
        f"delivered, each once"
    )


def test_a_worker_killed_while_sending_loses_no_mail(site, smtp_server):
    smtp_server.data_delay = 3
    smtp_server.start()
    (email,) = sign_many(site, "killed-sending", 1)
    process = worker(site, smtp_server)
    try:
        wait_until(smtp_server.in_data.is_set, 60, "the worker to start sending")
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    # Let the slow server finish and notice its client has gone.
    time.sleep(smtp_server.data_delay + 0.5)
    assert smtp_server.recipients("killed-sending") == []
    ((_, state, attempts, _),) = mail_rows(site, "killed-sending")
    assert (state, attempts) == ("queued", 1)

    smtp_server.data_delay = 0
    send_queued_mail(site, smtp_server)
    run_worker_until_idle(site, smtp_server)
    assert smtp_server.recipients("killed-sending") == [email]
    assert mail_rows(site, "killed-sending")[0][1] == "sent"
    print("\n[worker killed during DATA] row left queued (attempts 1), nothing delivered; "
          f"recovery delivered it: {len(smtp_server.recipients('killed-sending'))} copy")


def test_a_worker_killed_after_the_server_accepted_sends_again_rather_than_lose(
    site, smtp_server
):
    smtp_server.quit_delay = 30
    smtp_server.start()
    (email,) = sign_many(site, "killed-accepted", 1)
    process = worker(site, smtp_server)
    try:
        wait_until(smtp_server.in_quit.is_set, 60, "the server to accept the message")
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert smtp_server.recipients("killed-accepted") == [email]
    ((_, state, attempts, _),) = mail_rows(site, "killed-accepted")
    assert (state, attempts) == ("queued", 1)

    smtp_server.quit_delay = 0
    send_queued_mail(site, smtp_server)
    # At least once: never lost, here delivered a second time.
    assert smtp_server.recipients().count(email) >= 1
    assert mail_rows(site, "killed-accepted")[0][1] == "sent"
    print("\n[worker killed after the server accepted] row still queued; recovery delivered "
          f"{smtp_server.recipients().count(email)} copies in all (at-least-once)")
