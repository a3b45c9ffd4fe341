"""Demo content for `manage.py load_demo`. Every function is idempotent."""

import datetime
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.importing import import_briefings

# The editorials the campaign ships, with a JSON metadata file beside each.
EDITORIALS_DIR = Path(__file__).resolve().parent.parent / "articles" / "editorials"

# Logins created for a local demo only (the command refuses them without DEBUG).
DEMO_ACCOUNTS = [
    {"username": "admin", "password": "safe-passage-admin", "superuser": True, "group": None},
    {
        "username": "editor",
        "password": "safe-passage-editor",
        "superuser": False,
        "group": "Editors",
    },
    {
        "username": "moderator",
        "password": "safe-passage-moderator",
        "superuser": False,
        "group": "Moderators",
    },
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


def import_editorials():
    """Import the shipped editorials as published briefings; return the import results."""
    return import_briefings([EDITORIALS_DIR])
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

# The petition's demand in one sentence, as a talking point every letter offers.
PETITION_DEMAND = {
    "ask": "Stop the forced repatriation of North Korean defectors, let the UN refugee agency "
    "reach them and allow them safe passage to a country that will protect them",
    "ask_ko": "탈북민 강제 북송을 중단하고, 유엔난민기구가 이들을 만날 수 있게 하며, 이들을 "
    "보호할 나라로 안전하게 갈 수 있도록 허용해 주십시오",
    "addressee": "china",
}

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
    from campaign.petition.models import Petition, TimelineEntry

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
    if petition.demand is None:
        petition.demand = create_demo_demand()
        petition.save(update_fields=["demand", "updated_at"])
    for entry in PETITION_TIMELINE:
        TimelineEntry.objects.get_or_create(
            petition=petition, date=entry["date"], title=entry["title"], defaults=entry
        )
    if with_signers:
        for number, (name, country, show, comment) in enumerate(DEMO_SIGNERS, start=1):
            create_demo_signer(
                petition,
                f"demo-signer-{number}@example.org",
                name=name,
                country=country,
                show_name=show,
                comment=comment,
                comment_state="approved" if comment else "pending",
            )
    return petition


def create_demo_demand():
    """The approved talking point stating the demo petition's demand."""
    from articles.models import TalkingPoint

    point, _created = TalkingPoint.objects.get_or_create(
        ask=PETITION_DEMAND["ask"],
        defaults={**PETITION_DEMAND, "status": TalkingPoint.Status.APPROVED, "score": 1.0},
    )
    return point


def create_demo_signer(petition, email, **fields):
    """A confirmed demo signature, unless this address already signed."""
    from campaign.petition import signatures
    from campaign.petition.models import Signature

    if Signature.objects.filter(petition=petition, normalised_email=email).exists():
        return
    signature = Signature.objects.create(
        petition=petition,
        email=email,
        normalised_email=email,
        token_nonce=secrets.token_hex(32),
        **fields,
    )
    signatures.confirm_signature(signature.pk)


# Demo moderation work (DEBUG only): comments waiting, a paper tally, an unsent update.
DEMO_COMMENTERS = [
    ("Hana Kim", "KR", "My grandmother crossed the Tumen river. Please let them pass."),
    ("Peter Novak", "CZ", "Buy cheap watches at http://spam.example"),
]


def create_demo_moderation(petition):
    """Give the demo moderator and editor something to do. Idempotent."""
    from campaign.moderation.models import CampaignUpdate
    from campaign.petition.models import PaperTally

    for number, (name, country, comment) in enumerate(DEMO_COMMENTERS, start=1):
        create_demo_signer(
            petition,
            f"demo-commenter-{number}@example.org",
            name=name,
            country=country,
            show_name=True,
            wants_updates=True,
            comment=comment,
        )
    PaperTally.objects.get_or_create(
        petition=petition,
        gathered_by="Street stall, Gwanghwamun Square",
        defaults={"date": datetime.date(2026, 11, 14), "count": 1200, "note": "Demo entry"},
    )
    CampaignUpdate.objects.get_or_create(
        petition=petition,
        title="We are delivering the petition next month",
        defaults={
            "date": datetime.date(2026, 11, 20),
            "body": "Thank you for signing. We will hand the petition to the embassy in person.",
        },
    )


# Letters to officials ---------------------------------------------------------

# Public offices the editorials address. No office holders are named (roles change)
# and only well-known institutional websites are filled in; every record is marked
# for an editor to verify before the campaign relies on it.
DEMO_OFFICIALS = [
    {
        "title": "Ambassador of the People's Republic of China to the Republic of Korea",
        "organisation": "Embassy of the People's Republic of China in the Republic of Korea",
        "country": "China",
        "category": "china",
        "role": "ambassador",
        "language": "en",
        "contact_url": "http://kr.china-embassy.gov.cn/",
        "why": "The embassy speaks for Beijing in Seoul and hears directly what Koreans think "
        "of the forced returns.",
    },
    {
        "title": "Minister of Foreign Affairs",
        "organisation": "Ministry of Foreign Affairs of the People's Republic of China",
        "country": "China",
        "category": "china",
        "role": "foreign_minister",
        "language": "en",
        "contact_url": "https://www.fmprc.gov.cn/eng/",
        "why": "China's foreign ministry decides how the country treats North Koreans who "
        "cross the border, and answers to the world for it.",
    },
    {
        "title": "Minister of Foreign Affairs",
        "organisation": "Ministry of Foreign Affairs of the Republic of Korea",
        "country": "South Korea",
        "category": "south_korea_government",
        "role": "foreign_minister",
        "language": "ko",
        "salutation": "존경하는 외교부 장관님께",
        "contact_url": "https://www.mofa.go.kr/",
        "why": "Seoul's diplomats can raise every forced return with Beijing and at the "
        "United Nations.",
    },
    {
        "title": "Minister of Unification",
        "organisation": "Ministry of Unification of the Republic of Korea",
        "country": "South Korea",
        "category": "south_korea_government",
        "role": "minister",
        "language": "ko",
        "salutation": "존경하는 통일부 장관님께",
        "contact_url": "https://www.unikorea.go.kr/",
        "why": "The ministry receives North Korean defectors and shapes South Korea's policy "
        "towards them.",
    },
    {
        "title": "Foreign Affairs and Unification Committee",
        "organisation": "National Assembly of the Republic of Korea",
        "country": "South Korea",
        "category": "south_korea_government",
        "role": "legislature",
        "language": "ko",
        "salutation": "존경하는 국회 외교통일위원회 위원님들께",
        "contact_url": "https://www.assembly.go.kr/",
        "why": "The committee oversees the foreign and unification ministries and can hold "
        "hearings and pass resolutions.",
    },
    {
        "title": "UN High Commissioner for Refugees",
        "organisation": "Office of the United Nations High Commissioner for Refugees (UNHCR)",
        "category": "international_community",
        "role": "un_agency",
        "language": "en",
        "contact_url": "https://www.unhcr.org/",
        "why": "UNHCR is charged with protecting refugees and can ask China for access to "
        "North Koreans at risk of return.",
    },
    {
        "title": "UN Special Rapporteur on the situation of human rights in the DPRK",
        "organisation": "United Nations Human Rights Council",
        "category": "international_community",
        "role": "un_mandate",
        "language": "en",
        "contact_url": "https://www.ohchr.org/en/special-procedures/sr-dprk",
        "why": "The Special Rapporteur reports to the UN on what happens to North Koreans, "
        "including those sent back from China.",
    },
]


def create_demo_officials():
    """Create the demo offices (never changing ones that exist); return how many were new."""
    from campaign.letters.models import Official

    created_count = 0
    for position, record in enumerate(DEMO_OFFICIALS, start=1):
        defaults = {key: value for key, value in record.items() if key != "title"}
        defaults.pop("organisation")
        defaults.update(
            position=position * 10,
            needs_check=True,
            notes="Demo record: an editor must verify the contact details.",
        )
        _, created = Official.objects.get_or_create(
            title=record["title"], organisation=record["organisation"], defaults=defaults
        )
        created_count += created
    return created_count
