from django.core.management.base import BaseCommand
from django.utils import timezone

from campaign.lib import outbox
from campaign.lib.outbox import OutgoingMail


class Command(BaseCommand):
    help = (
        "Send the messages still queued whose next attempt is due, e.g. after the task "
        "worker was down. Each message is claimed before sending, so running this beside "
        "the worker sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the messages to the task queue instead of sending them from here.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be sent, send nothing."
        )

    def handle(self, *args, enqueue=False, dry_run=False, **options):
        due = list(OutgoingMail.objects.due(timezone.now()).order_by("created_at"))
        outcomes = {}
        for row in due:
            if dry_run:
                self.stdout.write(f"would send {row.pk}: {row.template} to {row.to}")
                continue
            if enqueue:
                outbox.enqueue_delivery(row.pk)
                state = "enqueued"
            else:
                state = outbox.deliver(row.pk)
            outcomes[state] = outcomes.get(state, 0) + 1
        summary = ", ".join(f"{n} {state}" for state, n in sorted(outcomes.items())) or "nothing"
        prefix = "Dry run: " if dry_run else ""
        self.stdout.write(f"{prefix}{len(due)} queued message(s) due; {summary}.")
