"""Staff roles: the groups Editors and Moderators and exactly what each may do.

Editors write: briefings, talking points, officials and their responses, the
petition's text, its timeline and campaign updates, and the About page (who runs
the campaign and how to reach it). Moderators look after the
supporters' data: signatures and comments, exports, the dashboard, paper
tallies and the site-wide signing pause. Neither may manage users or groups;
only superusers do.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

EDITORS = "Editors"
MODERATORS = "Moderators"


def _crud(app_label, model, actions=("add", "change", "view")):
    return [f"{app_label}.{action}_{model}" for action in actions]


ROLES = {
    EDITORS: [
        *_crud("articles", "briefing"),
        *_crud("articles", "talkingpoint"),
        "articles.view_citation",
        *_crud("campaign", "official"),
        *_crud("campaign", "officialresponse"),
        *_crud("campaign", "petition"),
        *_crud("campaign", "timelineentry"),
        *_crud("campaign", "campaignupdate"),
        # The About page and the contact address: one row, edited, never added.
        "campaign.change_organisation",
        "campaign.view_organisation",
    ],
    MODERATORS: [
        "campaign.view_signature",
        "campaign.change_signature",
        "campaign.view_signaturecomment",
        "campaign.change_signaturecomment",
        "campaign.export_signatures",
        "campaign.view_dashboard",
        "campaign.view_petition",
        *_crud("campaign", "papertally"),
        "campaign.view_campaignsettings",
        "campaign.change_campaignsettings",
    ],
}


def find_permissions(names):
    """Return (permissions, missing names) for "app_label.codename" strings."""
    found, missing = [], []
    for name in names:
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is None:
            missing.append(name)
        else:
            found.append(permission)
    return found, missing


@transaction.atomic
def setup_roles():
    """Create or reset the groups to exactly their permissions; return missing names."""
    all_missing = []
    for group_name, names in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        permissions, missing = find_permissions(names)
        group.permissions.set(permissions)
        all_missing.extend(missing)
    return all_missing
