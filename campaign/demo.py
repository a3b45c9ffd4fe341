"""Demo content for `manage.py load_demo`. Every function is idempotent."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

# Logins created for a local demo only (the command refuses them without DEBUG).
DEMO_ACCOUNTS = [
    {"username": "admin", "password": "safe-passage-admin", "superuser": True, "group": None},
    {"username": "editor", "password": "safe-passage-editor", "superuser": False,
     "group": "Editors"},
    {"username": "moderator", "password": "safe-passage-moderator", "superuser": False,
     "group": "Moderators"},
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
        if account["group"]:
            user.groups.add(Group.objects.get(name=account["group"]))
        logins.append((account["username"], account["password"]))
    return logins
