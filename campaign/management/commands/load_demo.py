from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import translation

from articles import demo as talking_points_demo
from articles.importing import summary_line
from campaign import demo


class Command(BaseCommand):
    help = (
        "Load the campaign's editorials and the demo content (petition, officials, staff "
        "accounts). Safe to run again: it creates nothing twice."
    )

    def handle(self, *args, **options):
        # The staff groups exist on every site, not only in the demo.
        call_command("setup_roles", stdout=self.stdout, stderr=self.stderr)
        newest_point = talking_points_demo.newest_point_id()
        results = demo.import_editorials()
        approved = talking_points_demo.approve_new_points(since_id=newest_point)
        talking_points_demo.translate_briefings()
        if options["verbosity"] >= 1:
            for result in results:
                self.stdout.write(f"  {result.describe()}")
            self.stdout.write(summary_line(results))
            self.stdout.write(
                f"Talking points: {approved} newly suggested ones approved for the demo"
            )
        petition = demo.create_demo_petition(with_signers=settings.DEBUG)
        self.stdout.write(f"Petition: {petition.public_url()}")
        created = demo.create_demo_officials()
        self.stdout.write(f"Officials: {created} created.")
        if settings.DEBUG:
            demo.create_demo_moderation(petition)
            demo.create_demo_organisation()
        if settings.DEBUG:
            self.stdout.write("Demo logins (development only):")
            for username, password in demo.create_demo_accounts():
                self.stdout.write(f"  {username} / {password}")
            self.stdout.write(f"  Admin: {settings.SITE_URL}/admin/")
            with translation.override("ko"):
                self.stdout.write(f"  Korean: {petition.public_url()}")
        else:
            self.stdout.write("DEBUG is off: no demo accounts created.")
