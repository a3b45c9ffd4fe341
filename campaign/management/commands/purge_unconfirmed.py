from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from campaign.lib.outbox import OutgoingMail
from campaign.petition import signatures


class Command(BaseCommand):
    help = (
        "Delete signatures that were never confirmed, and the stored copies of mail already "
        "sent or given up on, older than --days days (default 30). Run it daily: the privacy "
        "page promises it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="Age in days (default 30).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted, delete nothing."
        )

    def handle(self, *args, days=30, dry_run=False, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - timedelta(days=days)
        n = signatures.purge_unconfirmed(cutoff, dry_run=dry_run)
        old_mail = OutgoingMail.objects.finished_before(cutoff)
        mails = old_mail.count() if dry_run else old_mail.delete()[0]
        what = f"{n} unconfirmed signature(s) and {mails} sent or failed mail(s)"
        if dry_run:
            self.stdout.write(f"Dry run: would delete {what} older than {days} days.")
        else:
            self.stdout.write(f"Deleted {what} older than {days} days.")
