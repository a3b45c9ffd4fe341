"""Demo content for `manage.py load_demo`. Every function is idempotent.

Everything the demo writes has a Korean version (the `_ko` columns of
django-modeltranslation); a Korean text an editor has already written is never replaced.
"""

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


def fill_blanks(row, values):
    """Give `row` the `values` ({field: text}) of the fields that are still empty, and save
    it if any was. For the Korean versions of demo rows made before the demo had them."""
    changed = [name for name, value in values.items() if not getattr(row, name) and value]
    for name in changed:
        setattr(row, name, values[name])
    if changed:
        row.save()
    return bool(changed)


def korean(record):
    """The `_ko` fields of a demo record, e.g. {"title_ko": ...}."""
    return {key: value for key, value in record.items() if key.endswith("_ko")}


def columns(record):
    """A demo record with each translated field named by its English column: {"title": ...,
    "title_ko": ...} becomes {"title_en": ..., "title_ko": ...}, whatever language runs."""
    return {
        f"{key}_en" if f"{key}_ko" in record else key: value for key, value in record.items()
    }


PETITION_SLUG = "stop-forced-repatriation"
PETITION_TITLE_KO = "탈북민 강제 북송을 중단하십시오"
PETITION_ADDRESSEE_KO = "중화인민공화국 정부"
PETITION_STATEMENT_KO = """\
중국은 북한을 탈출한 주민들을 붙잡아 북한으로 돌려보내고 있습니다. 송환된 이들은 심문과 \
정치범 수용소, 고문, 때로는 죽음에 직면하며, 그 가족까지 함께 처벌받습니다.

박해를 피해 달아난 사람은 난민입니다. 중국은 1951년 난민협약과 고문방지협약의 당사국이며, \
두 협약은 박해나 고문을 당할 위험이 있는 나라로 누구도 돌려보내서는 안 된다고 정합니다.

우리는 중화인민공화국 정부에 탈북민 강제 송환을 중단하고, 유엔난민기구(UNHCR)가 이들을 \
만날 수 있도록 허용하며, 이들을 보호해 줄 나라로 안전하게 갈 수 있도록 해 줄 것을 촉구합니다."""
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

# The timeline, oldest first. Only the outside event is real; the campaign's own steps are
# dated from the day the demo runs, so that the update about delivering the petition comes
# after the petition opened, as it would.
PETITION_TIMELINE = [
    {
        "date": datetime.date(2014, 2, 17),
        "kind": "event",
        "title": "UN Commission of Inquiry publishes its report on North Korea",
        "title_ko": "유엔 북한인권조사위원회, 보고서 발표",
        "body": (
            "The UN Commission of Inquiry on Human Rights in the Democratic People's Republic "
            "of Korea found crimes against humanity and urged China to respect the principle "
            "of non-refoulement and stop returning North Koreans."
        ),
        "body_ko": (
            "유엔 북한인권조사위원회는 북한에서 반인도 범죄가 저질러지고 있다고 결론짓고, "
            "중국에 강제송환 금지 원칙을 지켜 북한 주민을 돌려보내지 말라고 촉구했습니다."
        ),
    },
    {
        "days_ago": 45,
        "kind": "update",
        "title": "The petition opens",
        "title_ko": "청원을 시작합니다",
        "body": "Sign, confirm your email address, and ask one more person to sign.",
        "body_ko": "서명하고 이메일 주소를 확인한 뒤, 한 사람에게 더 서명을 부탁해 주십시오.",
    },
]
# The update editors may mail to subscribers (create_demo_moderation), the newest entry.
DEMO_UPDATE = {
    "days_ago": 3,
    "title": "We are delivering the petition next month",
    "title_ko": "다음 달 청원을 전달합니다",
    "body": "Thank you for signing. We will hand the petition to the embassy in person.",
    "body_ko": "서명해 주셔서 감사합니다. 청원서는 저희가 대사관에 직접 전달하겠습니다.",
}


def _timeline_values(entry):
    """A timeline record as model values: `days_ago` becomes a date."""
    values = {key: value for key, value in entry.items() if key != "days_ago"}
    if "days_ago" in entry:
        values["date"] = datetime.date.today() - datetime.timedelta(days=entry["days_ago"])
    return values


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
    """The campaign's petition (open, current) with its timeline, in English and Korean;
    with_signers adds a few fictional confirmed signatures for a local demo. Returns the
    petition."""
    from articles.models import Briefing
    from campaign.petition.models import Petition, TimelineEntry

    petition, created = Petition.objects.get_or_create(
        slug=PETITION_SLUG,
        defaults={
            "title_en": "Stop the forced repatriation of North Korean defectors",
            "statement_en": PETITION_STATEMENT,
            "addressee_en": "the government of the People's Republic of China",
            "goal": 10_000,
            "state": Petition.State.OPEN,
            "is_current": not Petition.objects.filter(is_current=True).exists(),
        },
    )
    fill_blanks(
        petition,
        {
            "title_ko": PETITION_TITLE_KO,
            "statement_ko": PETITION_STATEMENT_KO,
            "addressee_ko": PETITION_ADDRESSEE_KO,
        },
    )
    if created:
        petition.briefings.add(*Briefing.objects.published().in_order()[:3])
    if petition.demand is None:
        petition.demand = create_demo_demand()
        petition.save(update_fields=["demand", "updated_at"])
    for entry in PETITION_TIMELINE:
        values = _timeline_values(entry)
        values = columns(values)
        found, made = TimelineEntry.objects.get_or_create(
            petition=petition, title_en=values.pop("title_en"), defaults=values
        )
        if not made:
            fill_blanks(found, korean(values))
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

    values = columns(PETITION_DEMAND)
    point, _created = TalkingPoint.objects.get_or_create(
        ask_en=values.pop("ask_en"),
        defaults={**values, "status": TalkingPoint.Status.APPROVED, "score": 1.0},
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
    values = columns(_timeline_values(DEMO_UPDATE))
    update, made = CampaignUpdate.objects.get_or_create(
        petition=petition, title_en=values.pop("title_en"), defaults=values
    )
    if not made:
        fill_blanks(update, korean(values))


# Letters to officials ---------------------------------------------------------

# Public offices the editorials address. No office holders are named (roles change)
# and only well-known institutional websites are filled in; every record is marked
# for an editor to verify before the campaign relies on it.
DEMO_OFFICIALS = [
    {
        "title": "Ambassador of the People's Republic of China to the Republic of Korea",
        "organisation": "Embassy of the People's Republic of China in the Republic of Korea",
        "title_ko": "주한 중국 대사",
        "organisation_ko": "주한 중화인민공화국 대사관",
        "country_ko": "중국",
        "country": "China",
        "category": "china",
        "role": "ambassador",
        "language": "en",
        "contact_url": "http://kr.china-embassy.gov.cn/",
        "why": "The embassy speaks for Beijing in Seoul and hears directly what Koreans think "
        "of the forced returns.",
        "why_ko": (
            "대사관은 서울에서 중국 정부를 대변하며, 강제 "
            "북송을 바라보는 한국인들의 생각을 직접 듣는 곳입니다."
        ),
    },
    {
        "title": "Minister of Foreign Affairs",
        "organisation": "Ministry of Foreign Affairs of the People's Republic of China",
        "title_ko": "외교부장",
        "organisation_ko": "중화인민공화국 외교부",
        "country_ko": "중국",
        "country": "China",
        "category": "china",
        "role": "foreign_minister",
        "language": "en",
        "contact_url": "https://www.fmprc.gov.cn/eng/",
        "why": "China's foreign ministry decides how the country treats North Koreans who "
        "cross the border, and answers to the world for it.",
        "why_ko": (
            "중국 외교부는 국경을 넘은 북한 주민을 어떻게 "
            "대할지 정하고, 그에 대해 국제사회에 답해야 하는 곳입니다."
        ),
    },
    {
        "title": "Minister of Foreign Affairs",
        "organisation": "Ministry of Foreign Affairs of the Republic of Korea",
        "title_ko": "외교부 장관",
        "organisation_ko": "대한민국 외교부",
        "country_ko": "대한민국",
        "country": "South Korea",
        "category": "south_korea_government",
        "role": "foreign_minister",
        "language": "ko",
        "salutation": "존경하는 외교부 장관님께",
        "contact_url": "https://www.mofa.go.kr/",
        "why": "Seoul's diplomats can raise every forced return with Beijing and at the "
        "United Nations.",
        "why_ko": (
            "한국 외교관들은 강제 북송이 일어날 때마다 중국 "
            "정부와 유엔에서 이 문제를 제기할 수 있습니다."
        ),
    },
    {
        "title": "Minister of Unification",
        "organisation": "Ministry of Unification of the Republic of Korea",
        "title_ko": "통일부 장관",
        "organisation_ko": "대한민국 통일부",
        "country_ko": "대한민국",
        "country": "South Korea",
        "category": "south_korea_government",
        "role": "minister",
        "language": "ko",
        "salutation": "존경하는 통일부 장관님께",
        "contact_url": "https://www.unikorea.go.kr/",
        "why": "The ministry receives North Korean defectors and shapes South Korea's policy "
        "towards them.",
        "why_ko": (
            "통일부는 탈북민을 받아들이고, 이들에 "
            "대한 한국의 정책을 만들어 갑니다."
        ),
    },
    {
        "title": "Foreign Affairs and Unification Committee",
        "organisation": "National Assembly of the Republic of Korea",
        "title_ko": "외교통일위원회",
        "organisation_ko": "대한민국 국회",
        "country_ko": "대한민국",
        "country": "South Korea",
        "category": "south_korea_government",
        "role": "legislature",
        "language": "ko",
        "salutation": "존경하는 국회 외교통일위원회 위원님들께",
        "contact_url": "https://www.assembly.go.kr/",
        "why": "The committee oversees the foreign and unification ministries and can hold "
        "hearings and pass resolutions.",
        "why_ko": (
            "위원회는 외교부와 통일부를 감독하며, 청문회를 "
            "열고 결의안을 채택할 수 있습니다."
        ),
    },
    {
        "title": "UN High Commissioner for Refugees",
        "organisation": "Office of the United Nations High Commissioner for Refugees (UNHCR)",
        "title_ko": "유엔난민최고대표",
        "organisation_ko": "유엔난민기구(UNHCR)",
        "category": "international_community",
        "role": "un_agency",
        "language": "en",
        "contact_url": "https://www.unhcr.org/",
        "why": "UNHCR is charged with protecting refugees and can ask China for access to "
        "North Koreans at risk of return.",
        "why_ko": (
            "유엔난민기구는 난민 보호를 맡은 기관으로, 송환 위기에 놓인 북한 "
            "주민들을 만날 수 있게 해 달라고 중국에 요청할 수 있습니다."
        ),
    },
    {
        "title": "UN Special Rapporteur on the situation of human rights in the DPRK",
        "organisation": "United Nations Human Rights Council",
        "title_ko": "유엔 북한인권 특별보고관",
        "organisation_ko": "유엔 인권이사회",
        "category": "international_community",
        "role": "un_mandate",
        "language": "en",
        "contact_url": "https://www.ohchr.org/en/special-procedures/sr-dprk",
        "why": "The Special Rapporteur reports to the UN on what happens to North Koreans, "
        "including those sent back from China.",
        "why_ko": (
            "특별보고관은 중국에서 송환된 이들을 포함해 "
            "북한 주민들이 겪는 일을 유엔에 보고합니다."
        ),
    },
]


def create_demo_officials():
    """Create the demo offices (never changing ones that exist, but giving them the Korean
    they lack); return how many were new."""
    from campaign.letters.models import Official

    created_count = 0
    for position, record in enumerate(DEMO_OFFICIALS, start=1):
        defaults = columns(record)
        title, organisation = defaults.pop("title_en"), defaults.pop("organisation_en")
        defaults.update(
            position=position * 10,
            needs_check=True,
            notes="Demo record: an editor must verify the contact details.",
        )
        official, created = Official.objects.get_or_create(
            title_en=title, organisation_en=organisation, defaults=defaults
        )
        if not created:
            fill_blanks(official, korean(record))
        created_count += created
    return created_count


# Who runs the campaign (DEBUG only): an organisation that does not exist, and says so.
DEMO_ORGANISATION = {
    "name": "Example Refugee Solidarity Network (fictional)",
    "name_ko": "예시 난민연대 네트워크(가상 단체)",
    "about": (
        "This organisation does not exist. It stands in for the group that runs the campaign, "
        "so that the demo shows where visitors learn who is behind it and how to reach them."
        "\n\nA real campaign says here who its members are, why they campaign, how the "
        "campaign is paid for, and who answers for the names and email addresses that "
        "supporters leave."
    ),
    "about_ko": (
        "이 단체는 실제로 존재하지 않습니다. 캠페인을 운영하는 단체의 자리를 대신 채워, "
        "누가 캠페인을 이끌고 어떻게 연락할 수 있는지 방문자가 알게 되는 곳을 데모에서 "
        "보여 줍니다.\n\n실제 캠페인이라면 이곳에 구성원이 누구인지, 왜 캠페인을 하는지, "
        "활동 자금은 어떻게 마련하는지, 서명자가 남긴 이름과 이메일 주소를 누가 책임지는지 "
        "밝힙니다."
    ),
    "email": "contact@example.org",
    "postal_address": "1 Example Street\nJongno-gu, Seoul 00000\nRepublic of Korea",
    "postal_address_ko": "서울특별시 종로구 예시로 1\n(우편번호 00000)",
    "website": "https://example.org/",
}


def create_demo_organisation():
    """Name the fictional organisation on the About and privacy pages, unless one is named;
    give it the Korean it lacks. Returns the row."""
    from campaign.site.models import Organisation

    organisation = Organisation.load()
    if not organisation.is_named:
        fill_blanks(organisation, columns(DEMO_ORGANISATION))
    elif organisation.name_en == DEMO_ORGANISATION["name"]:
        fill_blanks(organisation, korean(DEMO_ORGANISATION))
    return organisation
