from django.core.management.base import BaseCommand

from campaign.petition import signatures
from campaign.petition.models import Petition


class Command(BaseCommand):
    help = (
        "Count each petition's confirmed signatures again and compare them with the stored "
        "count and the per-country tallies; repair any difference (unless --dry-run)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these petitions (default: all).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report differences without repairing them."
        )

    def handle(self, *args, slugs=(), dry_run=False, **options):
        petitions = Petition.objects.order_by("pk")
        if slugs:
            petitions = petitions.filter(slug__in=slugs)
        wrong = 0
        for petition_id in petitions.values_list("pk", flat=True):
            result = signatures.recount(petition_id, fix=not dry_run)
            if result.was_wrong:
                wrong += 1
                outcome = "would fix" if dry_run else "fixed"
            else:
                outcome = "ok"
            self.stdout.write(
                f"{result.petition.slug}: stored {result.stored}, actual {result.actual}, "
                f"countries wrong {result.tallies_fixed}: {outcome}"
            )
        verb = "need repair" if dry_run else "repaired"
        self.stdout.write(f"{petitions.count()} petition(s) checked, {wrong} {verb}.")
