from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from campaign import signing


class Command(BaseCommand):
    help = (
        "Delete signatures that were never confirmed, older than --days days (default 30). "
        "Run it daily: the privacy page promises it."
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
        n = signing.purge_unconfirmed(cutoff, dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"Dry run: {n} unconfirmed signature(s) older than {days} days.")
        else:
            self.stdout.write(f"Deleted {n} unconfirmed signature(s) older than {days} days.")
