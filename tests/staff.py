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


def make_signature(petition, name="Kim Min-jun", email=None, **fields):
    """A signature brought to its state through campaign.petition.signatures, so counts stay exact.

    state (default confirmed), flagged and confirmed_at are applied the way the
    site applies them; every other field is stored as given.
    """
    from campaign.models import Signature
    from campaign.petition import signatures

    state = fields.pop("state", Signature.State.CONFIRMED)
    flagged = fields.pop("flagged", False)
    confirmed_at = fields.pop("confirmed_at", None)
    email = email or f"{name.lower().replace(' ', '.')}@example.org"
    values = {"country": "KR", "show_name": True, **fields}
    signature = Signature.objects.create(
        petition=petition, name=name, email=email, normalised_email=email.lower(), **values
    )
    rows = Signature.objects.filter(pk=signature.pk)
    if state != Signature.State.PENDING:
        signatures.confirm_signature(signature.pk)
        if confirmed_at:
            rows.update(confirmed_at=confirmed_at)
    if flagged:
        signatures.flag_signatures(rows, "held in a test")
    if state == Signature.State.INVALIDATED:
        signatures.invalidate_signatures(rows, "invalid in a test")
    signature.refresh_from_db()
    return signature
