"""manage.py import_briefings PATH...: import plain-text editorials as briefings."""

from django.core.management.base import BaseCommand, CommandError

from articles.importing import import_briefings, summarise, summary_line
from articles.models import Briefing


class Command(BaseCommand):
    help = (
        "Import plain-text editorials (files, or folders of .txt files) as briefings. "
        "A JSON file beside each text (same name, .json) may give the title, summary, "
        "publication, date, source link, featured and position. New briefings are "
        "published (the campaign ships them); editors can unpublish them in the admin, "
        "or pass --draft. Running it again creates no duplicates and leaves alone every "
        "field an editor has changed. Each file is imported in its own transaction; the "
        "command exits with an error if any file failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="a .txt file or a folder")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would change, write nothing"
        )
        parser.add_argument("--draft", action="store_true", help="import new briefings as drafts")

    def handle(self, *args, paths, dry_run, draft, **options):
        status = Briefing.Status.DRAFT if draft else Briefing.Status.PUBLISHED
        results = import_briefings(paths, dry_run=dry_run, status=status)
        for result in results:
            if result.ok:
                self.stdout.write(result.describe())
            else:
                self.stderr.write(result.describe())
        self.stdout.write(summary_line(results, dry_run=dry_run))
        failed = summarise(results)["failed"]
        if failed:
            raise CommandError(f"{failed} file(s) could not be imported.")
