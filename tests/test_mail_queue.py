"""Outgoing mail is a row first, delivered by a task, retried when sending fails."""

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend

from campaign.lib import outbox as campaign_mail
from campaign.models import OutgoingMail, Petition

pytestmark = pytest.mark.django_db


class BrokenBackend(LocmemBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


class FlakyBackend(LocmemBackend):
    """Fails the first time, then works."""

    failures_left = 1

    def send_messages(self, messages):
        if FlakyBackend.failures_left:
            FlakyBackend.failures_left -= 1
            raise TimeoutError("timed out")
        return super().send_messages(messages)


class RecoveryRacingBackend(LocmemBackend):
    """While a worker's message is with the mail server, the recovery command runs (as
    from cron, beside the workers)."""

    raced = False

    def send_messages(self, messages):
        if not RecoveryRacingBackend.raced:
            RecoveryRacingBackend.raced = True
            call_command("send_queued_mail")
        return super().send_messages(messages)


def confirm_context():
    petition = Petition(title="Stop it", slug="stop-it")
    return {
        "petition": petition,
        "signature": {"name": "Mina"},
        "confirm_url": "https://example.org/confirm/x/",
        "withdraw_url": "https://example.org/withdraw/x/",
        "link_days": 7,
    }


def queue_confirmation():
    return campaign_mail.queue_mail("signature-confirm", "mina@example.org", confirm_context())


def test_the_tests_run_tasks_with_the_immediate_backend():
    from django_tasks import task_backends

    assert isinstance(task_backends["default"], ImmediateBackend)


def test_make_message_renders_subject_text_and_html():
    message = campaign_mail.make_message("signature-confirm", "mina@example.org", confirm_context())
    assert message.subject == "Please confirm your signature: Stop it"
    assert "https://example.org/confirm/x/" in message.body
    html = message.alternatives[0][0]
    assert 'href="https://example.org/confirm/x/"' in html


def test_queued_mail_is_sent_after_the_transaction_commits(on_commit):
    with on_commit(), transaction.atomic():
        row = queue_confirmation()
        assert mail.outbox == []
    row.refresh_from_db()
    assert row.state == OutgoingMail.State.SENT
    assert row.attempts == 1
    assert mail.outbox[0].to == ["mina@example.org"]


def test_mail_is_not_sent_when_the_transaction_rolls_back(on_commit):
    with on_commit(), pytest.raises(RuntimeError), transaction.atomic():
        queue_confirmation()
        raise RuntimeError("the signature failed")
    assert OutgoingMail.objects.count() == 0
    assert mail.outbox == []


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_with_the_database_queue_the_task_commits_with_its_mail(database_queue):
    from django_tasks_db.models import DBTaskResult

    assert campaign_mail.queue_shares_the_database()
    with transaction.atomic():
        row = queue_confirmation()
        # Written in the same transaction, not after it: one commit for both.
        task = DBTaskResult.objects.get()
    assert task.args_kwargs["args"] == [row.pk]
    assert mail.outbox == []  # the worker sends it


def test_with_the_database_queue_a_rollback_leaves_neither_mail_nor_task(database_queue):
    from django_tasks_db.models import DBTaskResult

    with pytest.raises(RuntimeError), transaction.atomic():
        queue_confirmation()
        raise RuntimeError("the signature failed")
    assert OutgoingMail.objects.count() == 0
    assert DBTaskResult.objects.count() == 0


def test_a_failing_mail_server_is_retried_then_marked_failed(on_commit, settings):
    settings.EMAIL_BACKEND = "tests.test_mail_queue.BrokenBackend"
    with on_commit():
        row = queue_confirmation()
    row.refresh_from_db()
    # The immediate backend runs each retry at once, so all attempts are used up.
    assert row.state == OutgoingMail.State.FAILED
    assert row.attempts == campaign_mail.MAX_ATTEMPTS
    assert "mail server down" in row.last_error


def test_a_message_that_fails_once_is_sent_on_the_retry(on_commit, settings):
    settings.EMAIL_BACKEND = "tests.test_mail_queue.FlakyBackend"
    FlakyBackend.failures_left = 1
    with on_commit():
        row = queue_confirmation()
    row.refresh_from_db()
    assert row.state == OutgoingMail.State.SENT
    assert row.attempts == 2
    assert len(mail.outbox) == 1


def test_retries_wait_longer_each_time():
    waits = [campaign_mail.backoff(n).total_seconds() for n in range(1, 5)]
    assert waits == sorted(waits)
    assert waits[0] == 60


def test_send_queued_mail_recovers_messages_the_worker_never_sent(capsys):
    # No on_commit capture: the task is never enqueued, as if the worker were down.
    row = queue_confirmation()
    call_command("send_queued_mail", "--dry-run")
    assert mail.outbox == []
    call_command("send_queued_mail")
    row.refresh_from_db()
    assert row.state == OutgoingMail.State.SENT
    assert len(mail.outbox) == 1
    assert "1 sent" in capsys.readouterr().out


def test_a_sent_message_is_never_sent_twice():
    row = queue_confirmation()
    campaign_mail.deliver(row.pk)
    campaign_mail.deliver(row.pk)
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_task_queued_under_its_old_path_still_runs(database_queue):
    # django-tasks stores each task's import path. Tasks moved from
    # campaign.tasks to the features that own them; rows queued before the move
    # keep the old path, and the worker must still run them.
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    row = queue_confirmation()
    task = DBTaskResult.objects.get()
    assert task.task_path == "campaign.lib.outbox.deliver_mail"
    DBTaskResult.objects.update(task_path="campaign.tasks.deliver_mail")
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    row.refresh_from_db()
    assert row.state == OutgoingMail.State.SENT
    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_the_old_task_paths_name_the_moved_tasks():
    from campaign import tasks
    from campaign.lib.outbox import deliver_mail
    from campaign.moderation.updates import mail_campaign_update

    assert tasks.deliver_mail is deliver_mail
    assert tasks.mail_campaign_update is mail_campaign_update


def test_the_recovery_command_leaves_alone_a_message_a_worker_is_sending(settings):
    settings.EMAIL_BACKEND = "tests.test_mail_queue.RecoveryRacingBackend"
    RecoveryRacingBackend.raced = False
    row = queue_confirmation()
    assert campaign_mail.deliver(row.pk) == OutgoingMail.State.SENT
    assert RecoveryRacingBackend.raced
    assert len(mail.outbox) == 1


def test_a_message_whose_worker_died_while_sending_is_recovered_once_its_claim_lapses():
    from datetime import timedelta

    from django.utils import timezone

    row = queue_confirmation()
    # Claimed by a worker that was then killed: attempts raised, nothing recorded after.
    OutgoingMail.objects.filter(pk=row.pk).update(attempts=1, updated_at=timezone.now())
    call_command("send_queued_mail")
    assert mail.outbox == []
    lapsed = timezone.now() - campaign_mail.sending_lease() - timedelta(seconds=1)
    OutgoingMail.objects.filter(pk=row.pk).update(updated_at=lapsed)
    call_command("send_queued_mail")
    assert len(mail.outbox) == 1
