"""Fixtures shared by the whole suite. Small factory functions, no framework."""

import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    # Pages are tested in English unless a test asks for Korean.
    settings.LANGUAGE_CODE = "en"


def make_staff(username, *groups, password="a-long-staff-password", superuser=False):
    """A staff user in the named groups (created by setup_roles)."""
    from django.contrib.auth.models import Group, User

    from campaign.roles import setup_roles

    setup_roles()
    user = User.objects.create_user(
        username, password=password, is_staff=True, is_superuser=superuser
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user
