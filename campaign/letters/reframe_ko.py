"""Korean asks reframed for the office that receives them (see `campaign.letters.reframe`). Pure.

Korean asks are written in the formal 합쇼체 the letters use ("...을 중단해 주십시오",
"...하지 마십시오"), sometimes as a plain "...할 것" or "...하라", or as a noun phrase
("탈북민 강제 북송 중단"). For another office the ask becomes the object of what that
office does: "…할 것을" in front of 촉구하다, 요구하다, 건의하다 ("중국 당국에 …을
중단할 것을 촉구해 주십시오"). That object form is made from the ending the ask has:

    ...중단해 주십시오          → ...중단할 것을      (하다 verbs: 해 → 할)
    ...알려 주십시오            → ...알려 줄 것을     (other verbs keep their 아/어 form)
    ...송환하지 마십시오        → ...송환하지 말 것을
    ...중단하십시오 / 받으십시오 → ...중단할 것을 / 받을 것을
    ...중단할 것                → ...중단할 것을
    탈북민 강제 북송 중단       → 탈북민 강제 북송 중단을

and the office's verb takes the ending of the ask it came from (해 주십시오, 해 주시기
바랍니다, 해 주세요, 할 것, 하라), so a reframed ask reads like the others. A statement
of what the addressee must do ("귀국은 ...을 중단해야 합니다") is taken as the ask.

The second person of the ask ("귀국의 정책") refers to its own addressee; inside the
object clause it becomes the reflexive 자국 ("자국의 정책"), which refers to the
subject of that clause, the government being urged.
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
    Path,
    Role,
)
from campaign.lib import hangul

__all__ = ["reframe"]


# Registers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Register:
    """How an ask ends: 십시오, 바랍니다 (시기 바랍니다), 세요, 것 or 라. A reframed ask
    keeps the ending of the ask it came from, and a polite one always asks as a favour
    (촉구해 주십시오, not 촉구하십시오, which tells a minister what to do)."""

    ending: str = "십시오"

    def verb(self, stem_text):
        """`stem_text` (ending in a verb stem) with this register's ending."""
        if self.ending == "것":
            return hangul.adnominal(stem_text) + " 것"
        if self.ending == "라":
            return hangul.linked(stem_text) + "라"
        tail = {"십시오": " 주십시오", "바랍니다": " 주시기 바랍니다", "세요": " 주세요"}
        return hangul.connective(stem_text) + tail[self.ending]

    def negative(self, stem_text):
        """'Do not': 송환하지 마십시오, 송환하지 말 것, 송환하지 말라."""
        tail = {"십시오": "마십시오", "바랍니다": "마시기 바랍니다", "세요": "마세요",
                "것": "말 것", "라": "말라"}  # fmt: skip
        return f"{stem_text}지 {tail[self.ending]}"


def _polite(group):
    return rf"(?P<{group}>십시오|시오|시기\s*(?:를\s*)?바랍니다|시길\s*바랍니다|세요)"


_NEGATIVE = re.compile(
    rf"^(?P<stem>.+?)\s*지\s*(?:마{_polite('end')}|말아\s*주{_polite('end2')}"
    r"|(?P<thing>말\s*것)|(?P<plain>말라|마라))$"
)
_FAVOUR = re.compile(rf"^(?P<body>.+?)\s*주{_polite('end')}$")
_HONORIFIC = re.compile(rf"^(?P<base>.+?){_polite('end')}$")
_THING = re.compile(r"^(?P<clause>.+)\s+것$")
# The plain imperative: 중단하라, 지키라, 받으라 on the stem; 지켜라, 받아라 on the 아/어 form.
_PLAIN = re.compile(r"^(?P<base>.*[가-힣])라$")
_STATEMENT_END = re.compile(r"(?:다|요|까|죠|오|네)$")
# "중국은 ...을 중단해야 합니다": what the subject must do, in the 아/어 form before 야.
_DUTY = re.compile(
    r"^(?P<subject>[^,]+?)(?:은|는|이|가)\s+(?P<vp>.+?)(?P<neg>지\s*(?:않아|말아))?야\s*"
    r"(?:합니다|한다|할\s*것입니다|하겠습니다)$"
)


def _ending(match, group="end"):
    found = match[group]
    if "바랍니다" in found:
        return "바랍니다"
    return "십시오" if found == "시오" else found  # 하오체 answered in the letters' 합쇼체


@dataclass(frozen=True)
class Ask:
    """A Korean ask taken apart: the object clause ("...중단할 것을"), its register, and
    `claim` for a statement, which keeps its words unless it says what its own
    addressee must do ("귀국은 ...을 중단해야 합니다")."""

    obj: str
    register: Register
    claim: bool = False


def parse(text):
    negative = _NEGATIVE.match(text)
    if negative:
        if negative["thing"]:
            register = Register("것")
        elif negative["plain"]:
            register = Register("라")
        else:
            register = Register(_ending(negative, "end" if negative["end"] else "end2"))
        return Ask(f"{negative['stem']}지 말 것을", register)
    favour = _FAVOUR.match(text)
    if favour:
        body = favour["body"]
        clause = body[:-1] + "할 것" if body.endswith("해") else body + " 줄 것"
        return Ask(clause + "을", Register(_ending(favour)))
    honorific = _HONORIFIC.match(text)
    if honorific:
        # The base before 십시오 takes ㄹ as it takes 시: 하 → 할, 받으 → 받을, 만드 → 만들.
        return Ask(hangul.adnominal(honorific["base"]) + " 것을", Register(_ending(honorific)))
    thing = _THING.match(text)
    if thing and hangul.final(thing["clause"][-1]) == hangul.RIEUL:
        return Ask(text + "을", Register("것"))
    plain = _PLAIN.match(text)
    if plain:
        stem = hangul.unconnective(plain["base"])
        return Ask(hangul.adnominal(stem) + " 것을", Register("라"))
    if _STATEMENT_END.search(text):
        return Ask(text, Register(), claim=True)
    return Ask(hangul.particle(text, "을/를"), Register())


# Actors -------------------------------------------------------------------------------

# A country after which one of these follows is a place ("중국에 있는 탈북자들").
_NOT_PLACE = r"(?!\s*(?:에\s*있|에서|으로|로\s|내\s|땅|국경|에\s*(?:머무|체류|숨|사는|거주|남아)))"
ACTOR_PATTERNS = {
    CHINA: r"(?:중국\s*(?:정부|당국|지도부|공산당)|시진핑(?:\s*주석)?|베이징|중국)" + _NOT_PLACE,
    SOUTH_KOREA: r"(?:(?:한국|대한민국|우리)\s*정부|청와대|국회|한국|대한민국|서울)" + _NOT_PLACE,
    NORTH_KOREA: r"(?:북한\s*(?:당국|정권|정부|지도부)|김정은(?:\s*정권)?|평양"
    r"|북한(?!\s*(?:이탈|주민)))" + _NOT_PLACE,
    INTERNATIONAL: r"(?:국제\s*사회|(?:다른\s*)?유엔\s*회원국들?|국제\s*연합|국제\s*공동체|유엔)",
    OTHER: r"(?!)",
}
_ACTOR_RES = {actor: re.compile(pattern) for actor, pattern in ACTOR_PATTERNS.items()}

_PRESS = r"(?:[가-힣]+\s+){0,2}?(?:요구|촉구|요청|압박|설득|호소|주문|권고)"


def _collapse_res(actor):
    np = ACTOR_PATTERNS[actor]
    dative = r"(?:에게|에|측에)"
    return (
        # "...구하라고 중국 정부에 요구해": a quoted imperative, from the last comma.
        re.compile(
            rf"(?:^|,\s*)(?P<linked>[^,]+?)(?P<neg>지\s*말)?라고\s*{np}{dative}?\s+{_PRESS}"
        ),
        # "중국이 ...을 지키도록 설득하는", "...송환하지 못하도록 막아".
        re.compile(
            rf"{np}(?:이|가|은|는|도)\s+(?P<stem>[^,]+?)(?P<neg>지\s*(?:않|못하))?도록\s+"
            rf"(?:[가-힣]+\s+){{0,2}}?(?:요구|촉구|요청|압박|설득|유도|이끌|막|저지)"
        ),
        # "중국 정부에 ...을 중단할 것을 촉구해", "중국 정부에 ...하도록 요구해".
        re.compile(rf"{np}{dative}\s+(?P<thing>[^,]+?)(?P<neg>지\s*말)?\s*것을\s+{_PRESS}"),
        re.compile(rf"{np}{dative}\s+(?P<stem>[^,]+?)(?P<neg>지\s*않)?도록\s+{_PRESS}"),
    )


_COLLAPSE_RES = {actor: _collapse_res(actor) for actor in ACTOR_PATTERNS}


@dataclass(frozen=True)
class Inner:
    """The ask inside "call on <this office's government> to ...": a verb phrase that
    ends in a verb stem, and whether it is negative."""

    stem: str
    negative: bool = False

    def obj(self):
        if self.negative:
            return f"{self.stem}지 말 것을"
        return hangul.adnominal(self.stem) + " 것을"

    def direct(self, register):
        # 자국 (its own country) referred to the government being urged: now "your".
        stem = _to_second_person(self.stem)
        return register.negative(stem) if self.negative else register.verb(stem)


def collapse(text, office_addressee, point_name=None):
    """The ask inside "<this office's government>에 ...할 것을 촉구해", or in "<this
    office's government>은 ...해야 합니다", as an Inner; None if there is none. A 귀국
    left in it meant the ask's own addressee, who is now named (`point_name`)."""
    inner = _pressed(text, office_addressee) or _duty_of(text, office_addressee)
    if inner is None or point_name is None:
        return inner
    return Inner(_named(inner.stem, point_name), inner.negative)


def _pressed(text, office_addressee):
    for pattern in _COLLAPSE_RES[office_addressee]:
        found = pattern.search(text)
        if not found:
            continue
        groups = found.groupdict()
        if groups.get("linked"):
            stem = hangul.unlinked(groups["linked"].strip())
        elif groups.get("thing"):
            thing = groups["thing"].strip()
            stem = thing if groups["neg"] else hangul.from_adnominal(thing)
        else:
            stem = groups["stem"].strip()
        return Inner(stem, negative=bool(groups["neg"]))
    return None


def _duty_of(text, actor):
    duty = _DUTY.match(text)
    if not duty or not _ACTOR_RES[actor].fullmatch(duty["subject"].strip()):
        return None
    return _inner_of_duty(duty)


# What turns against its object or puts a demand to it, as in English.
_CRITICISE = re.compile(r"규탄|비판|비난|제재|항의|책임을\s*묻|문책")
# Verbs that put a demand to someone named as their dative or subject ("중국에 경고해",
# "시진핑 주석과 ... 제기해", "중국 정부에 ... 요구해"): pressure on the office's own
# government when that someone is it, not when it is only mentioned.
_PUT_TO = r"(?:요구|촉구|요청|압박|설득|경고|분명히\s*(?:밝|전달)|제기|호소)"


def targets(text, office_addressee):
    """True when the ask turns against the office's own government ("중국의 처우를 규탄해")."""
    own = ACTOR_PATTERNS[office_addressee]
    # The object comes before its verb: "중국의 비인도적 처우를 ... 규탄해".
    if re.search(rf"{own}.*(?:{_CRITICISE.pattern})", text):
        return True
    return bool(re.search(rf"{own}(?:에게|에|과|와|이|가|측에)[\s,].*{_PUT_TO}", text))


# Persons ------------------------------------------------------------------------------

# 귀국 as "your country" (貴國), not "return home" (歸國): not the verb 귀국하다 or
# 귀국시키다 in any form, nor the noun before 길 or a verb of allowing it.
_SECOND_PERSON = re.compile(
    r"귀\s*정부|귀\s*기관|귀측|귀하|귀국(?![하할한함해했합]|\s*(?:시키|시켜|길|을\s*(?:허용|보장|원하)))"
)
_THIRD_FOR = {
    "귀정부": "자국 정부",
    "귀기관": "해당 기관",
    "귀측": "자국",
    "귀하": "자신",
    "귀국": "자국",
}


def _to_third_person(text):
    return _SECOND_PERSON.sub(lambda m: _THIRD_FOR["".join(m.group().split())], text)


def _to_second_person(text):
    return re.sub(r"자국", "귀국", text)


# Frames -------------------------------------------------------------------------------


@dataclass(frozen=True)
class KoName:
    text: str
    dative: str = "에"  # 에 for institutions, 에게 for people


_DIPLOMATIC_KO = {
    CHINA: KoName("중국 정부"),
    SOUTH_KOREA: KoName("한국 정부"),
    NORTH_KOREA: KoName("북한 당국"),
    INTERNATIONAL: KoName("다른 유엔 회원국들"),
    OTHER: KoName("관련 당사자들", "에게"),
}
_INSTITUTIONAL_KO = {
    **_DIPLOMATIC_KO,
    CHINA: KoName("중국 당국"),
    INTERNATIONAL: KoName("유엔 회원국들"),
}

# Each frame ends in the stem of the office's verb, which takes the ask's register.
FRAMES = {
    Role.HEAD_OF_GOVERNMENT: (
        "정상 차원에서 {to} {obj} 촉구하",
        "{with_}의 정상 외교에서 {obj} 강력히 요구하",
    ),
    Role.FOREIGN_MINISTER: (
        "외교 경로로 {to} {obj} 촉구하",
        "{to} 이 문제를 공식 제기하고, {obj} 요구하",
    ),
    Role.MINISTER: (
        "{to} 이 문제를 제기하고, {obj} 촉구하",
        "{with_}의 협의에서 {obj} 요청하",
    ),
    Role.AMBASSADOR: (
        "본국 정부가 {to} {obj} 촉구하도록 건의하",
        "{to} {obj} 요구해 달라는 뜻을 본국 정부에 전달하",
    ),
    Role.LEGISLATURE: (
        "{to} {obj} 촉구하는 결의안을 채택하",
        "청문회를 열어 이 문제를 다루고, {to} {obj} 요구하",
    ),
    # "Raise it and urge them to ..., and cover it in your reports": with the reports in
    # their own clause, an object clause that is itself a list ("...하고, ...하며") does
    # not run into them.
    Role.UN_MANDATE: (
        "{to} 이 문제를 제기하여 {obj} 촉구하고, 공개 보고서에서도 다루",
        "{to} 보내는 서한과 공개 보고서에서 {obj} 요청하",
    ),
    Role.UN_AGENCY: (
        "{to} {obj} 촉구하",
        "{with_}의 대화에서 {obj} 요청하",
    ),
    Role.INTERNATIONAL_ORGANISATION: (
        "{to} {obj} 촉구하",
        "영향력을 발휘하여 {to} {obj} 요구하",
    ),
    Role.OTHER: (
        "{to} {obj} 촉구하",
        "{to} {obj} 요구하",
    ),
}
# An office that acts through its own government (office_roles.THROUGH_GOVERNMENT),
# with the name it gives that government: an ambassador passes the ask on to 본국
# 정부; a parliament or committee calls on 정부 to do it.
OWN_GOVERNMENT = {
    Role.AMBASSADOR: (
        "본국 정부",
        ("본국 정부에 {obj} 건의하", "{obj} 요청하는 목소리를 본국 정부에 전달하"),
    ),
    Role.LEGISLATURE: (
        "정부",
        ("정부에 {obj} 촉구하", "청문회와 결의안으로 정부에 {obj} 요구하"),
    ),
}


def _name(point_addressee, role):
    names = _DIPLOMATIC_KO if role in STATE_ROLES else _INSTITUTIONAL_KO
    return names[point_addressee]


def _verb_of(obj):
    """The verb of an object clause ("…촉구할 것을" → "촉구"), to keep a frame from
    repeating it ("…촉구할 것을 촉구해 주십시오")."""
    words = obj.removesuffix("것을").split()
    if len(words) > 1 and words[-1] in ("줄", "말"):
        words = words[:-1]
    return words[-1].removesuffix("지")[:-1] if words else ""


# The verbs of pressing a frame may use: not again when the ask has one anywhere
# ("한국 정부에 중국 정부에 촉구하는 노력을 강화할 것을 촉구해").
_PRESSING = ("촉구", "요구", "요청", "건의", "제기")


def _pick(frames, variant, obj):
    verb = _verb_of(obj)
    for step in range(len(frames)):
        frame = frames[(variant + step) % len(frames)]
        repeated = (len(verb) >= 2 and verb in frame) or any(
            pressing in frame and pressing in obj for pressing in _PRESSING
        )
        if not repeated:
            return frame
    return frames[variant % len(frames)]


def _frame(frames, variant, register, obj, name=None):
    frame = _pick(frames, variant, obj)
    filled = frame.format(
        obj=obj,
        to=f"{name.text}{name.dative}" if name else "",
        with_=hangul.particle(name.text, "과/와") if name else "",
    )
    return hangul.squeeze(register.verb(filled))


def _inner_of_duty(duty):
    if duty["neg"]:
        return Inner(duty["vp"], negative=True)
    return Inner(hangul.unconnective(duty["vp"]))


def _duty(text, point_addressee):
    """The object clause of "<the addressee>은 ...해야 합니다" ("...할 것을"), or None when
    the subject is someone else."""
    duty = _DUTY.match(text)
    if not duty:
        return None
    subject = duty["subject"].strip()
    if _SECOND_PERSON.fullmatch(subject) or _ACTOR_RES[point_addressee].fullmatch(subject):
        return _inner_of_duty(duty).obj()
    return None


_PARTICLE_PAIRS = {"은": "은/는", "는": "은/는", "이": "이/가", "가": "이/가", "을": "을/를",
                   "를": "을/를", "과": "과/와", "와": "과/와"}  # fmt: skip


def _name_first(text, name):
    """(text up to and with the first second person replaced by `name`, the rest), the
    particle after it chosen again for the name ("귀국은" → "중국 당국은", "귀국이" →
    "한국 정부가"); None when there is no second person."""
    found = _SECOND_PERSON.search(text)
    if not found:
        return None
    rest = text[found.end() :]
    if rest[:1] in _PARTICLE_PAIRS:
        named, rest = hangul.particle(name.text, _PARTICLE_PAIRS[rest[:1]]), rest[1:]
    else:
        named = name.text
    return text[: found.start()] + named, rest


def _named(text, name):
    """Every second person in `text` replaced by `name`."""
    done = ""
    while (pieces := _name_first(text, name)) is not None:
        head, text = pieces
        done += head
    return done + text


def _claim(text, name):
    """A statement keeps its words; "귀국은" becomes the actor's name, later ones 자국."""
    pieces = _name_first(text, name)
    if pieces is None:
        return text
    head, rest = pieces
    return head + _to_third_person(rest)


def reframe(text, point_addressee, role, office_addressee, route, variant):
    ask = parse(text)
    if route == Path.THROUGH:
        inner = collapse(text, office_addressee, _name(point_addressee, role))
        if inner is not None:
            if role in OWN_GOVERNMENT:
                return _frame(OWN_GOVERNMENT[role][1], variant, ask.register, inner.obj())
            return hangul.squeeze(inner.direct(ask.register))
        if targets(text, office_addressee):
            return None
    if ask.claim:
        duty = _duty(text, point_addressee)
        if duty is None:
            own = KoName(OWN_GOVERNMENT[role][0]) if route == Path.OWN_GOVERNMENT else None
            return _claim(text, own or _name(point_addressee, role))
        ask = Ask(duty, ask.register)
    obj = _to_third_person(ask.obj)
    if route == Path.OWN_GOVERNMENT:
        return _frame(OWN_GOVERNMENT[role][1], variant, ask.register, obj)
    name = _name(point_addressee, role)
    return _frame(FRAMES[role], variant, ask.register, obj, name)
