"""Demo content for `manage.py load_demo`. Every function is idempotent."""

import datetime
import secrets

from django.contrib.auth import get_user_model

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


PETITION_SLUG = "stop-forced-repatriation"
PETITION_STATEMENT = """\
China arrests North Koreans who have escaped their country and sends them back. Those returned \
face interrogation, prison camps, torture and sometimes death, and their families are punished \
with them.

People who flee persecution are refugees. China is a party to the 1951 Refugee Convention \
and to the Convention against Torture, which forbid returning anyone to a country where they \
would be in danger of persecution or torture.

We call on the government of the People's Republic of China to stop the forced repatriation of \
North Korean defectors, to let the UN refugee agency (UNHCR) reach them, and to allow them safe \
passage to a country that will protect them."""

# Only events we are sure of; the rest of the timeline is written by the editors.
PETITION_TIMELINE = [
    {
        "date": datetime.date(2014, 2, 17),
        "kind": "event",
        "title": "UN Commission of Inquiry publishes its report on North Korea",
        "body": (
            "The UN Commission of Inquiry on Human Rights in the Democratic People's Republic "
            "of Korea found crimes against humanity and urged China to respect the principle "
            "of non-refoulement and stop returning North Koreans."
        ),
    },
]

# Demo signers for a local demo only (DEBUG): fictional people at example.org.
DEMO_SIGNERS = [
    ("Anna Berg", "SE", True, "No one should be sent back to a prison camp."),
    ("김민준", "KR", True, ""),
    ("Sarah Thompson", "GB", True, ""),
    ("Kenji Sato", "JP", False, "Refugees deserve protection."),
    ("Maria Rossi", "IT", False, ""),
    ("David Miller", "US", True, ""),
    ("이서연", "KR", False, ""),
    ("Lucas Martin", "FR", True, ""),
]


def create_demo_petition(with_signers=False):
    """The campaign's petition (open, current) with its timeline; with_signers adds
    a few fictional confirmed signatures for a local demo. Returns the petition."""
    from articles.models import Briefing
    from campaign import signing
    from campaign.models import Petition, Signature, TimelineEntry

    petition, created = Petition.objects.get_or_create(
        slug=PETITION_SLUG,
        defaults={
            "title": "Stop the forced repatriation of North Korean defectors",
            "statement": PETITION_STATEMENT,
            "addressee": "the government of the People's Republic of China",
            "goal": 10_000,
            "state": Petition.State.OPEN,
            "is_current": not Petition.objects.filter(is_current=True).exists(),
        },
    )
    if created:
        petition.briefings.add(*Briefing.objects.published().in_order()[:3])
        TimelineEntry.objects.create(
            petition=petition,
            date=petition.created_at.date(),
            kind="update",
            title="The petition opens",
            body="Sign, confirm your email address, and ask one more person to sign.",
        )
    for entry in PETITION_TIMELINE:
        TimelineEntry.objects.get_or_create(
            petition=petition, date=entry["date"], title=entry["title"], defaults=entry
        )
    if with_signers:
        for number, (name, country, show, comment) in enumerate(DEMO_SIGNERS, start=1):
            email = f"demo-signer-{number}@example.org"
            if Signature.objects.filter(petition=petition, normalised_email=email).exists():
                continue
            signature = Signature.objects.create(
                petition=petition,
                name=name,
                email=email,
                normalised_email=email,
                country=country,
                show_name=show,
                comment=comment,
                comment_state="approved" if comment else "pending",
                token_nonce=secrets.token_hex(32),
            )
            signing.confirm_signature(signature.pk)
    return petition
