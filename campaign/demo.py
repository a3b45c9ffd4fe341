"""Demo content for `manage.py load_demo`. Every function is idempotent."""

from pathlib import Path

from django.contrib.auth import get_user_model

from articles.importing import import_briefings

# The editorials the campaign ships, with a JSON metadata file beside each.
EDITORIALS_DIR = Path(__file__).resolve().parent.parent / "articles" / "editorials"

# Logins created for a local demo only (the command refuses them without DEBUG).
DEMO_ACCOUNTS = [
    {"username": "admin", "password": "safe-passage-admin", "superuser": True, "group": None},
]


def create_demo_accounts():
    """Create the demo staff accounts; return (username, password) pairs to print."""
    User = get_user_model()
    logins = []
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=account["username"],
            defaults={"is_staff": True, "is_superuser": account["superuser"]},
        )
        if created:
            user.set_password(account["password"])
            user.save()
        logins.append((account["username"], account["password"]))
    return logins


def import_editorials():
    """Import the shipped editorials as published briefings; return the import results."""
    return import_briefings([EDITORIALS_DIR])
