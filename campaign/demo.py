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
        "language": "en",
        "contact_url": "https://www.unhcr.org/",
        "why": "UNHCR is charged with protecting refugees and can ask China for access to "
        "North Koreans at risk of return.",
    },
    {
        "title": "UN Special Rapporteur on the situation of human rights in the DPRK",
        "organisation": "United Nations Human Rights Council",
        "category": "international_community",
        "language": "en",
        "contact_url": "https://www.ohchr.org/en/special-procedures/sr-dprk",
        "why": "The Special Rapporteur reports to the UN on what happens to North Koreans, "
        "including those sent back from China.",
    },
]


def create_demo_officials():
    """Create the demo offices (never changing ones that exist); return how many were new."""
    from campaign.models import Official

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
