"""Offices by role: what each kind of office can do, and a guess from its title. Pure.

Letters go to offices of very different kinds. A minister can raise a matter with
another government; an ambassador can only pass it on to his own; a parliamentary
committee holds hearings and adopts resolutions; a UN rapporteur raises it with
governments and reports publicly. `campaign.letters.reframe` words each ask for the office
that receives it from these roles.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

# Who a talking point asks to act; the values of articles.models.Addressee.
CHINA = "china"
SOUTH_KOREA = "south_korea_government"
NORTH_KOREA = "north_korea"
INTERNATIONAL = "international_community"
PUBLIC = "public"
OTHER = "other"
ACTORS = (CHINA, SOUTH_KOREA, NORTH_KOREA, INTERNATIONAL, PUBLIC, OTHER)


class Role(StrEnum):
    HEAD_OF_GOVERNMENT = "head_of_government"
    FOREIGN_MINISTER = "foreign_minister"
    MINISTER = "minister"
    AMBASSADOR = "ambassador"
    LEGISLATURE = "legislature"
    UN_MANDATE = "un_mandate"
    UN_AGENCY = "un_agency"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    OTHER = "other"


@dataclass(frozen=True)
class RoleInfo:
    label: str
    label_ko: str
    can_do: str  # what an office of this role can do about another actor's conduct
    can_do_ko: str


ROLES = {
    Role.HEAD_OF_GOVERNMENT: RoleInfo(
        "Head of state or government",
        "국가 원수·정부 수반",
        "Raises the matter with other governments at the highest level.",
        "정상 차원에서 다른 나라 정부에 문제를 제기합니다.",
    ),
    Role.FOREIGN_MINISTER: RoleInfo(
        "Foreign minister or foreign ministry",
        "외교 장관·외교부",
        "Presses other governments through diplomatic channels.",
        "외교 경로를 통해 다른 나라 정부를 압박합니다.",
    ),
    Role.MINISTER: RoleInfo(
        "Other minister or ministry",
        "그 밖의 장관·부처",
        "Raises the matter with the counterpart government.",
        "상대국 정부에 문제를 제기합니다.",
    ),
    Role.AMBASSADOR: RoleInfo(
        "Ambassador or embassy",
        "대사·대사관",
        "Conveys requests to the government it represents.",
        "본국 정부에 요청을 전달합니다.",
    ),
    Role.LEGISLATURE: RoleInfo(
        "Parliament, committee or lawmaker",
        "의회·위원회·의원",
        "Holds hearings and adopts resolutions calling on governments to act.",
        "청문회를 열고, 정부에 행동을 촉구하는 결의안을 채택합니다.",
    ),
    Role.UN_MANDATE: RoleInfo(
        "UN human rights mandate (special rapporteur, commission of inquiry)",
        "유엔 인권 특별절차(특별보고관, 조사위원회)",
        "Raises the matter with governments and reports on it publicly.",
        "각국 정부에 문제를 제기하고 공개 보고서로 알립니다.",
    ),
    Role.UN_AGENCY: RoleInfo(
        "UN agency (such as UNHCR)",
        "유엔 기구(유엔난민기구 등)",
        "Urges the authorities to act and seeks access to the people at risk.",
        "당국에 조치를 촉구하고 위험에 처한 이들에 대한 접근을 요청합니다.",
    ),
    Role.INTERNATIONAL_ORGANISATION: RoleInfo(
        "International organisation",
        "국제기구",
        "Calls on its members and other governments to act.",
        "회원국과 각국 정부에 행동을 촉구합니다.",
    ),
    Role.OTHER: RoleInfo(
        "Other office",
        "그 밖의 기관",
        "Urges those responsible to act.",
        "책임 있는 당사자들에게 행동을 촉구합니다.",
    ),
}

# Roles that speak for a state (and so are themselves one of the "UN member states").
STATE_ROLES = frozenset(
    {Role.HEAD_OF_GOVERNMENT, Role.FOREIGN_MINISTER, Role.MINISTER, Role.AMBASSADOR,
     Role.LEGISLATURE}
)  # fmt: skip


# Guessing a role from an office's title ---------------------------------------
# Tried in this order, on the title first and then on the organisation: the title
# names the office itself ("Minister of Foreign Affairs" in a ministry; a
# "Special Rapporteur" whose organisation is the Human Rights Council). UN bodies
# come first because their titles contain words of the others ("committee",
# "high commissioner"); ambassadors before international organisations because a
# permanent representative to the UN is an ambassador; a legislature's committee
# before ministers because "Foreign Affairs and Unification Committee" is not a
# foreign ministry.
_ROLE_PATTERNS = [
    (Role.UN_MANDATE, r"special\s+rapporteur|independent\s+expert|working\s+group"
        r"|commission\s+of\s+inquiry|high\s+commissioner\s+for\s+human\s+rights"
        r"|committee\s+against\s+torture|\b(?:UN|U\.N\.|united\s+nations)\b.*\bcommittee\b"
        r"|특별\s*보고관|독립\s*전문가|실무\s*그룹|조사\s*위원회|인권\s*최고\s*대표|고문\s*방지\s*위원회"),
    (Role.UN_AGENCY, r"\bUNHCR\b|high\s+commissioner\s+for\s+refugees|refugee\s+agency"
        r"|\bUNICEF\b|\bIOM\b|organi[sz]ation\s+for\s+migration|\bWFP\b|world\s+food\s+programme"
        r"|\b(?:UN|united\s+nations)\s+(?:agency|programme|fund)\b"
        r"|난민\s*기구|난민\s*고등\s*판무관|유니세프|국제\s*이주\s*기구|세계\s*식량\s*계획"),
    (Role.AMBASSADOR, r"ambassador|embass(?:y|ies)|\bconsul|charg[ée]\s+d['’]affaires"
        r"|permanent\s+(?:representative|mission)|대사|영사|상주\s*대표"),
    (Role.INTERNATIONAL_ORGANISATION, r"secretary[- ]general|security\s+council"
        r"|general\s+assembly|human\s+rights\s+council|european\s+(?:union|commission|council)"
        r"|\bEU\b|\bASEAN\b|\bOSCE\b|council\s+of\s+europe|international\s+organi[sz]ation"
        r"|사무\s*총장|안전\s*보장\s*이사회|안보리|인권\s*이사회|유엔\s*총회|유럽\s*연합|국제\s*기구"),
    (Role.LEGISLATURE, r"parliament|\bassembly\b|congress|\bsenat(?:e|or)|\bcommittee\b"
        r"|lawmaker|legislat|\bMPs?\b|house\s+of\s+(?:representatives|commons|lords|councillors)"
        r"|국회|의회|의원|위원회"),
    (Role.HEAD_OF_GOVERNMENT, r"\bpresident\b|prime\s+minister|\bpremier\b|chancellor"
        r"|head\s+of\s+(?:state|government)|^(?:the\s+)?government(?:\s+of\b.*)?$"
        r"|대통령|총리|국가\s*주석|^(?:\S+\s*)?정부$"),
    (Role.FOREIGN_MINISTER, r"foreign\s+(?:minist(?:er|ry)|secretary|office)"
        r"|minist(?:er|ry)\s+(?:of|for)\s+foreign\s+affairs|secretary\s+of\s+state"
        r"|state\s+department|외교부|외무|외교\s*장관"),
    (Role.MINISTER, r"minist(?:er|ry)|secretary\s+(?:of|for)\b|department\s+of"
        r"|장관|차관|(?<!정)부(?=\s|$)"),
]  # fmt: skip
_ROLE_RES = [(role, re.compile(pattern, re.IGNORECASE)) for role, pattern in _ROLE_PATTERNS]


def guess_role(title, organisation=""):
    """The role an office most likely has, from its title and organisation (English or
    Korean). A sensible default for offices that have no role set; OTHER when unsure."""
    for text in (title or "", organisation or ""):
        for role, pattern in _ROLE_RES:
            if pattern.search(text):
                return role
    return Role.OTHER


# Offices that do not act for their state themselves but through its government: an
# ambassador passes requests on, a parliament or a committee calls on the government
# (in hearings, questions and resolutions).
THROUGH_GOVERNMENT = frozenset({Role.AMBASSADOR, Role.LEGISLATURE})


class Path(StrEnum):
    """How an ask reaches an office."""

    DIRECT = "direct"  # the ask is for this office: unchanged
    OWN_GOVERNMENT = "own_government"  # an ambassador conveys it to his government
    THROUGH = "through"  # the office presses the ask's addressee to do it
    NONE = "none"  # nothing this office can be asked to do


def path(point_addressee, role, office_addressee):
    """How an ask to `point_addressee` reaches an office of `role` filed under
    `office_addressee`."""
    if point_addressee == PUBLIC:
        return Path.NONE  # asks to the public ("sign the petition") are for no official
    if point_addressee == office_addressee:
        # An ambassador decides nothing himself: he passes requests on. A parliament
        # does not govern: it holds its government to what is asked of it.
        return Path.OWN_GOVERNMENT if role in THROUGH_GOVERNMENT else Path.DIRECT
    return Path.THROUGH


def as_role(value):
    """A Role from a stored value; OTHER for an empty or unknown one."""
    try:
        return Role(value)
    except ValueError:
        return Role.OTHER


def as_actor(value):
    """An addressee class from a stored value; OTHER for an unknown one."""
    return value if value in ACTORS else OTHER
