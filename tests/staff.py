"""Small factory functions for the staff and moderation tests."""

from django.contrib.auth.models import Group, User

from campaign.roles import setup_roles

PASSWORD = "a-long-staff-password"


def make_staff(username, *groups, password=PASSWORD, superuser=False):
    """A staff user in the named groups (created by setup_roles)."""
    setup_roles()
    user = User.objects.create_user(
        username, password=password, is_staff=True, is_superuser=superuser
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user
