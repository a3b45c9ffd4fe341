"""Who an English ask names, and how an office names them (see `campaign.letters.reframe`). Pure.

An ask names the actors it speaks of as a country, a capital, a government or a
leader ("Beijing", "the Chinese authorities", "Xi Jinping"); `ACTOR_PATTERNS`
finds them, not where a country is only a place ("sent back to North Korea"). An
office names an actor in its own voice: a government by its capital, a parliament
by its government, a UN body by the country's authorities (`NAMES`).
"""

import re
from dataclasses import dataclass

from campaign.letters.office_roles import (
    CHINA,
    INTERNATIONAL,
    NORTH_KOREA,
    OTHER,
    SOUTH_KOREA,
    STATE_ROLES,
    Role,
)

# How an office names an actor ------------------------------------------------------


@dataclass(frozen=True)
class Name:
    text: str
    plural: bool = False

    @property
    def subject(self):
        return "they" if self.plural else "it"

    @property
    def object(self):
        return "them" if self.plural else "it"

    @property
    def possessive(self):
        return f"{self.text}’" if self.text.endswith("s") else f"{self.text}’s"


# How an office names an actor depends on who it is. Governments speak of each other
# by their capitals ("press Beijing"), parliaments of governments, UN bodies of "the
# authorities" of a country. Each has a second name of the other number, used when
# the ask needs a plural ("make sure you are ..." → "they are") or when the first
# name's pronouns would be confused with those already in the ask ("urge the Chinese
# authorities not to repatriate them" reads better as "the Chinese government").
_DIPLOMATIC, _PARLIAMENTARY, _INSTITUTIONAL = "diplomatic", "parliamentary", "institutional"


def voice(role):
    if role == Role.LEGISLATURE:
        return _PARLIAMENTARY
    return _DIPLOMATIC if role in STATE_ROLES else _INSTITUTIONAL


_CHINESE_AUTHORITIES = Name("the Chinese authorities", plural=True)
_SOUTH_KOREAN_AUTHORITIES = Name("the South Korean authorities", plural=True)
_NORTH_KOREAN_AUTHORITIES = Name("the North Korean authorities", plural=True)
_OTHER_MEMBER_STATES = Name("other UN member states", plural=True)
_INTERNATIONAL_COMMUNITY = Name("the international community")
_THOSE_RESPONSIBLE = Name("those responsible", plural=True)

NAMES = {
    CHINA: {
        _DIPLOMATIC: (Name("Beijing"), _CHINESE_AUTHORITIES),
        _PARLIAMENTARY: (Name("the Chinese government"), _CHINESE_AUTHORITIES),
        _INSTITUTIONAL: (_CHINESE_AUTHORITIES, Name("the Chinese government")),
    },
    SOUTH_KOREA: {
        _DIPLOMATIC: (Name("Seoul"), _SOUTH_KOREAN_AUTHORITIES),
        _PARLIAMENTARY: (Name("the South Korean government"), _SOUTH_KOREAN_AUTHORITIES),
        _INSTITUTIONAL: (Name("the South Korean government"), _SOUTH_KOREAN_AUTHORITIES),
    },
    NORTH_KOREA: {
        _DIPLOMATIC: (Name("Pyongyang"), _NORTH_KOREAN_AUTHORITIES),
        _PARLIAMENTARY: (_NORTH_KOREAN_AUTHORITIES, Name("the North Korean regime")),
        _INSTITUTIONAL: (_NORTH_KOREAN_AUTHORITIES, Name("the North Korean government")),
    },
    # A state is itself one of the UN member states it would rally.
    INTERNATIONAL: {
        _DIPLOMATIC: (_OTHER_MEMBER_STATES, _INTERNATIONAL_COMMUNITY),
        _PARLIAMENTARY: (_OTHER_MEMBER_STATES, _INTERNATIONAL_COMMUNITY),
        _INSTITUTIONAL: (Name("UN member states", plural=True), _INTERNATIONAL_COMMUNITY),
    },
    OTHER: dict.fromkeys(
        (_DIPLOMATIC, _PARLIAMENTARY, _INSTITUTIONAL), (_THOSE_RESPONSIBLE, _THOSE_RESPONSIBLE)
    ),
}  # fmt: skip
# An ambassador's own government.
YOUR_GOVERNMENT = (Name("your government"), Name("your country’s authorities", plural=True))
# How a parliament speaks of the government it holds to account.
THE_GOVERNMENT = (Name("the Government"), Name("the Government’s ministers", plural=True))


# Actors named in an ask ------------------------------------------------------------

# A country or capital after one of these is a place ("sent back to North Korea",
# "defectors in China"), not an actor.
_NOT_PLACE = (
    r"(?<!\bin )(?<!\bto )(?<!\bfrom )(?<!\binto )(?<!\bacross )(?<!\bwithin )"
    r"(?<!\binside )(?<!\bout of )(?<!\bthrough )(?<!\bvia )"
)
# "China’s leaders", "Pyongyang’s regime": a country's own people in charge.
_RULERS = r"[’']s\s+(?:government|authorities|leaders(?:hip)?|officials|regime|president)"
ACTOR_PATTERNS = {
    CHINA: r"(?:[Tt]he\s+)?Chinese\s+(?:government|authorities|leadership|leaders|officials|side"
    r"|Communist\s+Party)|(?:China|Beijing)" + _RULERS + r"|(?:President\s+)?Xi\s+Jinping"
    r"|" + _NOT_PLACE + r"(?:Beijing|China)",
    SOUTH_KOREA: r"(?:[Tt]he\s+)?(?<!North\s)(?:South\s+)?Korean\s+(?:government|authorities"
    r"|leadership|leaders|officials)|[Tt]he\s+Blue\s+House|(?:[Tt]he\s+)?National\s+Assembly"
    r"|(?:South\s+Korea|Seoul)" + _RULERS + r"|" + _NOT_PLACE + r"(?:Seoul|South\s+Korea)",
    NORTH_KOREA: r"(?:[Tt]he\s+)?North\s+Korean\s+(?:government|authorities|regime|leadership"
    r"|leaders?|officials)|[Tt]he\s+Kim\s+regime|Kim\s+Jong[- ]?[Uu]n"
    r"|(?:North\s+Korea|Pyongyang)"
    + _RULERS
    + r"|"
    + _NOT_PLACE
    + r"(?:Pyongyang|North\s+Korea(?![a-z]))",
    INTERNATIONAL: r"[Tt]he\s+international\s+community|(?:other\s+)?UN\s+member\s+states"
    r"|[Tt]he\s+(?:UN|U\.N\.|United\s+Nations)(?!\s+(?:refugee|High|Special|Human|agency))"
    r"|other\s+(?:countries|nations|governments)",
    OTHER: r"(?!)",  # matches nothing: "other" names no one in particular
}
ACTOR_RES = {actor: re.compile(rf"\b(?:{p})\b") for actor, p in ACTOR_PATTERNS.items()}
# Right after a verb that takes its addressee with "to" ("make clear to Beijing"), a
# capital is the one spoken to, wherever it stands.
_ACTOR_NEXT_RES = {
    actor: re.compile(rf"(?:{p.replace(_NOT_PLACE, '')})\b") for actor, p in ACTOR_PATTERNS.items()
}
PLURAL_ACTOR = re.compile(r"(?:authorities|leaders|officials|states|countries|nations"
                           r"|governments)$")  # fmt: skip

# Verbs of influence: "call on X to ...", "persuade X to ...".
_INFLUENCE = (
    r"(?:call(?:s|ed|ing)?\s+(?:on|upon)|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?"
    r"|pressur(?:e|es|ed|ing)|persuad(?:e|es|ed|ing)|convinc(?:e|es|ed|ing)|push(?:es|ed|ing)?"
    r"|lobby(?:ing)?|ask(?:s|ed|ing)?|encourag(?:e|es|ed|ing)|get(?:s|ting)?|tell(?:s|ing)?"
    r"|appeal(?:s|ed|ing)?\s+to|induc(?:e|es|ed|ing)|prevail(?:s|ed|ing)?\s+(?:on|upon))"
)
# Verbs that keep someone from doing something: "stop X from repatriating ...".
_PREVENT = r"(?:stop(?:s|ping)?|prevent(?:s|ing)?|keep(?:s|ing)?|deter(?:s|ring)?|bar(?:s|ring)?)"
# Verbs that turn against what follows them ("denounce China’s treatment of ..."):
# asking an office to have this done to its own government asks nothing it could do.
_CRITICISE = re.compile(
    r"\b(?:denounc|condemn|critici[sz]|pressur|sanction|protest|confront|sham|expos|rebuk"
    r"|censur|blam|isolat|punish|accountab)\w*",
    re.IGNORECASE,
)
# Verbs that put a demand to the one right after them ("make clear to Beijing that",
# "raise their fate with Xi Jinping", and the verbs of influence, for the asks too
# tangled to become the direct ask): the same, when that one is the office's own
# government, but not when it is only mentioned further on ("persuade Beijing with
# the support of the international community" is not aimed at the UN).
_PUT_TO = re.compile(
    rf"\b(?:{_INFLUENCE}|warn(?:s|ed|ing)?|remind(?:s|ed|ing)?|demand(?:s|ed|ing)?(?:\s+of)?"
    r"|make\s+(?:it\s+)?clear\s+to|raise\b[^.;]{0,80}?\bwith)\s+",
    re.IGNORECASE,
)


def _collapse_res(actor):
    np = ACTOR_PATTERNS[actor]
    return (
        re.compile(
            rf"\b{_INFLUENCE}\s+(?P<actor>{np})(?:\s*,[^,]{{1,160}},)?\s+"
            rf"(?P<neg>not\s+|never\s+)?to\s+(?P<vp>\S.*)$",
            re.IGNORECASE,
        ),
        re.compile(rf"\b{_PREVENT}\s+(?P<actor>{np})\s+from\s+(?P<vp>[a-z]+ing\b.*)$", re.I),
    )


COLLAPSE_RES = {actor: _collapse_res(actor) for actor in ACTOR_PATTERNS}


def targets(text, office_addressee):
    """True when the ask turns against the office's own government ("denounce China's
    treatment of defectors")."""
    criticism = _CRITICISE.search(text)
    if criticism and ACTOR_RES[office_addressee].search(text, criticism.end()):
        return True
    own = _ACTOR_NEXT_RES[office_addressee]
    return any(own.match(text, demand.end()) for demand in _PUT_TO.finditer(text))
