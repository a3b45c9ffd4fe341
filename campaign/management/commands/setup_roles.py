from django.core.management.base import BaseCommand

from campaign.roles import ROLES, setup_roles


class Command(BaseCommand):
    help = (
        "Create the staff groups Editors and Moderators with exactly the permissions "
        "their work needs. Safe to run again: it resets the groups' permissions."
    )

    def handle(self, *args, **options):
        missing = setup_roles()
        for name in missing:
            self.stderr.write(f"Permission not found (model missing?): {name}")
        self.stdout.write(f"Roles ready: {', '.join(ROLES)}.")
