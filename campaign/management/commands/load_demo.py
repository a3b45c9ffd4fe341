from django.conf import settings
from django.core.management.base import BaseCommand

from campaign import demo


class Command(BaseCommand):
    help = (
        "Load the campaign's editorials and the demo content (petition, officials, staff "
        "accounts). Safe to run again: it creates nothing twice."
    )

    def handle(self, *args, **options):
        petition = demo.create_demo_petition(with_signers=settings.DEBUG)
        self.stdout.write(f"Petition: {settings.SITE_URL}{petition.get_absolute_url()}")
        if settings.DEBUG:
            self.stdout.write("Demo logins (development only):")
            for username, password in demo.create_demo_accounts():
                self.stdout.write(f"  {username} / {password}")
            self.stdout.write(f"  Admin: {settings.SITE_URL}/admin/")
        else:
            self.stdout.write("DEBUG is off: no demo accounts created.")
