"""English asks reframed for the office that receives them (see `campaign.letters.reframe`). Pure.

The imperative becomes an infinitive ("urge them to put an end to ..."), or a
"should" clause after "convey ... that"; the second person becomes the third ("your"
→ "its" for Beijing, "their" for the Chinese authorities). Verb forms need no
change: an infinitive takes the base form whoever its subject is, and where the ask
has "you" as a pronoun ("make sure you are ...") the actor is named in the plural,
whose verb forms are those of "you" (you are, they are).
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

__all__ = ["collapse", "reframe", "targets"]


# Names ---------------------------------------------------------------------------


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


def _voice(role):
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


def _choose(names, clause):
    first, second = names
    if clause.needs_plural:
        return first if first.plural else second
    if _clashes(first, clause.body) and not _clashes(second, clause.body):
        return second
    return first


_PLURAL_PRONOUNS = re.compile(r"\b(?:they|them|their|theirs|themselves)\b", re.IGNORECASE)
_SINGULAR_PRONOUNS = re.compile(r"\b(?:its|itself)\b", re.IGNORECASE)


def _clashes(name, body):
    return bool((_PLURAL_PRONOUNS if name.plural else _SINGULAR_PRONOUNS).search(body))


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
_ACTOR_RES = {actor: re.compile(rf"\b(?:{p})\b") for actor, p in ACTOR_PATTERNS.items()}
# Right after a verb that takes its addressee with "to" ("make clear to Beijing"), a
# capital is the one spoken to, wherever it stands.
_ACTOR_NEXT_RES = {
    actor: re.compile(rf"(?:{p.replace(_NOT_PLACE, '')})\b") for actor, p in ACTOR_PATTERNS.items()
}
_PLURAL_ACTOR = re.compile(r"(?:authorities|leaders|officials|states|countries|nations"
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


_COLLAPSE_RES = {actor: _collapse_res(actor) for actor in ACTOR_PATTERNS}


# Clauses ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """A verb phrase in the base form ("put an end to your policy") and its negation."""

    body: str
    negation: str = ""  # "", "not", "never", "never again" or "no longer"

    @property
    def needs_plural(self):
        """A "you" that stays a pronoun needs a plural name: "you are" → "they are",
        where "it are" would be wrong, and "them" for an object is right either way."""
        return any(
            kind in ("subject", "object", "you're", "you've", "you'll", "you'd", "yourselves")
            for kind, _ in _second_person(self.body)
        )

    def to_infinitive(self):
        if self.negation:
            return f"{self.negation} to {self.body}"
        return f"to {self.body}"

    def with_should(self):
        return " ".join(part for part in ("should", self.negation, self.body) if part)

    def imperative(self):
        lead = "do not" if self.negation == "not" else self.negation
        return _capitalise(" ".join(p for p in (lead, self.body) if p))


_NEGATION = re.compile(r"^(do\s+not|don['’]t|never\s+again|never|no\s+longer)\s+", re.IGNORECASE)
_MODAL = re.compile(
    r"^(?P<subject>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+"
    r"(?P<modal>must|should|shall|ought\s+to|needs?\s+to|has\s+to|have\s+to|cannot|can['’]t"
    r"|can\s+no\s+longer)(?P<neg>\s+not|\s+never|\s+no\s+longer)?\s+(?P<vp>\S.*)$",
    re.IGNORECASE,
)
# A "subject" with one of these words is the start of an imperative instead: the
# modal is in a complement ("Ensure that defectors must ...", "Tell Beijing it must
# ...") or in a relative clause ("Help those who must hide").
_CLAUSE_OPENER = re.compile(
    r"\b(?:that|to|ensure|make|insist|demand|tell|say|declare|recogni[sz]e|remember|who|whom"
    r"|whose|which|where)\b",
    re.IGNORECASE,
)
_PROPER = frozenset(
    ["china", "chinese", "beijing", "seoul", "pyongyang", "korea", "korean", "north", "south",
     "japan", "un", "unhcr", "i"]
)  # fmt: skip


def _lower_first(text):
    first = text.split(" ", 1)[0]
    if re.sub(r"['’]s$", "", first.casefold()) in _PROPER or (len(first) > 1 and first.isupper()):
        return text
    return text[:1].lower() + text[1:]


# An ask that opens with one of these, or with a name, is a noun phrase ("An end to
# forced returns", "UNHCR access to detainees"), not an imperative; the office is
# asked to have the actor ensure it.
_NOUN_PHRASE_START = frozenset(
    ["a", "an", "the", "no", "more", "full", "immediate", "unhindered", "unconditional",
     "safe", "free", "fair"]
)  # fmt: skip


def _noun_phrase(text):
    first = text.split(" ", 1)[0]
    is_name = first[:1].isupper() and _lower_first(first) == first
    return first.casefold() in _NOUN_PHRASE_START or is_name


def _capitalise(text):
    return text[:1].upper() + text[1:]


def _statement(text):
    """(subject, Clause) for "<subject> must/should/cannot ...", or None."""
    found = _MODAL.match(text)
    if not found or _CLAUSE_OPENER.search(found["subject"]):
        return None
    modal = found["modal"].casefold()
    negation = " ".join((found["neg"] or "").casefold().split())
    if modal.startswith("can"):
        negation = "no longer" if "longer" in modal else "not"
    return found["subject"], Clause(found["vp"], negation)


def parse(text, point_addressee):
    """(Clause, None) for an ask that is an imperative or a statement of what its own
    addressee must do; (None, text) for a claim about someone else ("Defectors must be
    protected"), which is kept as it is."""
    statement = _statement(text)
    if statement:
        subject, clause = statement
        own = _ACTOR_RES[point_addressee].fullmatch(subject) or subject.casefold() == "you"
        return (clause, None) if own else (None, text)
    if text.casefold().startswith("please "):
        text = text[len("please ") :]
    negated = _NEGATION.match(text)
    if negated:
        word = " ".join(negated.group(1).casefold().replace("’", "'").split())
        negation = {"do not": "not", "don't": "not"}.get(word, word)
        return Clause(_lower_first(text[negated.end() :]), negation), None
    if _noun_phrase(text):
        return Clause("ensure " + _lower_first(text)), None
    return Clause(_lower_first(text)), None


# Persons ----------------------------------------------------------------------------

_SECOND = re.compile(
    r"\b(?:you(?:['’](?:re|ve|ll|d))?|yours|yourself|yourselves|your)\b(?!['’])", re.IGNORECASE
)
# An imperative has no subject of its own, so a "you" in it is the subject of a
# subordinate clause when it follows a word that opens one ("make sure you are",
# "show that you respect") or comes before an auxiliary ("... you have done").
_BEFORE_SUBJECT = frozenset(
    ["that", "if", "when", "whenever", "whether", "and", "or", "but", "so", "because", "as",
     "unless", "until", "while", "where", "before", "after", "since", "once", "than", "what",
     "how", "why", "who", "which", "sure", "ensure"]
)  # fmt: skip
_AUXILIARIES = frozenset(
    ["are", "were", "have", "had", "do", "did", "don't", "can", "cannot", "can't", "could",
     "will", "would", "should", "must", "may", "might", "shall", "is", "was", "need"]
)  # fmt: skip
_THIRD = {
    False: {"you": "it", "you're": "it's", "you've": "it has", "you'll": "it will",
            "you'd": "it would", "your": "its", "yours": "its own", "yourself": "itself",
            "yourselves": "themselves", "object": "it"},
    True: {"you": "they", "you're": "they're", "you've": "they've", "you'll": "they'll",
           "you'd": "they'd", "your": "their", "yours": "theirs", "yourself": "themselves",
           "yourselves": "themselves", "object": "them"},
}  # fmt: skip


def _second_person(text):
    """[(kind, match)] for every second-person word; kind is "subject", "object" or the
    word itself (lowercase, straight apostrophe)."""
    found = []
    for match in _SECOND.finditer(text):
        word = match.group().casefold().replace("’", "'")
        if word == "you":
            before = text[: match.start()].rstrip()
            previous = before.rsplit(" ", 1)[-1].casefold() if before else ""
            following = text[match.end() :].split(" ", 2)
            after = following[1].casefold().replace("’", "'") if len(following) > 1 else ""
            subject = (
                not before
                or before[-1] in ',;:—–(“"'
                or previous in _BEFORE_SUBJECT
                or after in _AUXILIARIES
            )
            word = "subject" if subject else "object"
        found.append((word, match))
    return found


def _match_case(word, like):
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def third_person(text, name, first_named=False, all_named=False):
    """`text` with the second person turned into the third person of `name`; with
    `first_named`, the first mention is the name itself ("Beijing", "Beijing’s"), with
    `all_named` every one is."""
    table = _THIRD[name.plural]
    pieces, end = [], 0
    for index, (kind, match) in enumerate(_second_person(text)):
        named = all_named or (first_named and index == 0)
        if named and kind in ("subject", "object", "your", "yours"):
            word = name.possessive if kind in ("your", "yours") else name.text
        else:
            key = {"subject": "you", "object": "object"}.get(kind, kind)
            word = table[key]
        pieces.append(text[end : match.start()])
        pieces.append(_match_case(word, match.group()))
        end = match.end()
    pieces.append(text[end:])
    return "".join(pieces)


def second_person(text, plural):
    """The reverse for an actor named in the third person inside a collapsed ask:
    "persuade Beijing to observe its obligations" → "observe your obligations". Only
    pronouns of the actor's number are changed; a plural one only before any other
    plural noun, which "their" might refer to instead."""
    if not plural:
        return re.sub(
            r"\b(its|itself)\b", lambda m: {"its": "your", "itself": "yourself"}[m.group()], text
        )
    other_plural = re.search(r"\b(?:[a-z]{2,}[^s\W’']s|people|children|women|men)\b", text)
    limit = other_plural.start() if other_plural else len(text)
    head = re.sub(
        r"\b(their|themselves)\b",
        lambda m: {"their": "your", "themselves": "yourselves"}[m.group()],
        text[:limit],
    )
    return head + text[limit:]


# Frames -----------------------------------------------------------------------------
# What each role does about another actor's conduct, in two phrasings. {actor} is the
# actor's name, {obj} its object pronoun, {to_vp} the ask as an infinitive.
FRAMES = {
    Role.HEAD_OF_GOVERNMENT: (
        "Press {actor}, at the highest level, {to_vp}",
        "Raise the matter with {actor} at the highest level and urge {obj} {to_vp}",
    ),
    Role.FOREIGN_MINISTER: (
        "Press {actor} {to_vp}",
        "Make representations to {actor} urging {obj} {to_vp}",
    ),
    Role.MINISTER: (
        "Raise the matter with {actor} and urge {obj} {to_vp}",
        "Use your government’s contacts with {actor} to press {obj} {to_vp}",
    ),
    Role.AMBASSADOR: (
        "Convey to your government that it should urge {actor} {to_vp}",
        "Ask your government to press {actor} {to_vp}",
    ),
    Role.LEGISLATURE: (
        "Adopt a resolution calling on {actor} {to_vp}",
        "Hold a hearing on the matter and press {actor} {to_vp}",
    ),
    Role.UN_MANDATE: (
        "Raise the matter with {actor} and call on {obj}, in your public reports, {to_vp}",
        "Urge {actor}, in your communications with {obj} and in your public reports, {to_vp}",
    ),
    Role.UN_AGENCY: (
        "Urge {actor} {to_vp}",
        "Call on {actor}, in your dialogue with {obj}, {to_vp}",
    ),
    Role.INTERNATIONAL_ORGANISATION: (
        "Call on {actor} {to_vp}",
        "Use your influence with {actor} to press {obj} {to_vp}",
    ),
    Role.OTHER: (
        "Urge {actor} {to_vp}",
        "Call on {actor} {to_vp}",
    ),
}
# An ambassador and his own government.
OWN_GOVERNMENT_FRAMES = (
    "Convey to {actor} that {subject} {should_vp}",
    "Urge {actor} {to_vp}",
)


def pick(frames, variant, verb):
    """The frame of `variant`, or the next one that does not use `verb` (the ask's own
    first word): "urge it to urge the Chinese authorities ..." says the same verb twice."""
    for step in range(len(frames)):
        frame = frames[(variant + step) % len(frames)]
        if not re.search(rf"\b{re.escape(verb)}", frame, re.IGNORECASE):
            return frame
    return frames[variant % len(frames)]


def _first_word(clause):
    return clause.body.split(" ", 1)[0]


def _own_government(clause, variant):
    name = _choose(YOUR_GOVERNMENT, clause)
    frame = pick(OWN_GOVERNMENT_FRAMES, variant, _first_word(clause))
    clause = Clause(third_person(clause.body, name), clause.negation)
    return frame.format(
        actor=name.text,
        subject=name.subject,
        should_vp=clause.with_should(),
        to_vp=clause.to_infinitive(),
    )


def _through(clause, point_addressee, role, variant):
    name = _choose(NAMES[point_addressee][_voice(role)], clause)
    frame = pick(FRAMES[role], variant, _first_word(clause))
    clause = Clause(third_person(clause.body, name), clause.negation)
    return frame.format(actor=name.text, obj=name.object, to_vp=clause.to_infinitive())


def collapse(text, office_addressee, point_name=None):
    """The ask inside "call on <this office's government> to ...", or "<this office's
    government> must ...", as a Clause addressed to that government; None if there is
    no such ask. A "you" left in it meant the ask's own addressee, who is now named
    (`point_name`), since "you" will be the office."""
    influence, prevent = _COLLAPSE_RES[office_addressee]
    statement = _statement(text)
    if found := influence.search(text):
        actor, clause = found["actor"], Clause(found["vp"], (found["neg"] or "").strip().lower())
    elif found := prevent.search(text):
        actor, clause = found["actor"], Clause("stop " + found["vp"])
    elif statement and _ACTOR_RES[office_addressee].fullmatch(statement[0]):
        actor, clause = statement
    else:
        return None
    body = third_person(clause.body, point_name, all_named=True) if point_name else clause.body
    return Clause(second_person(body, bool(_PLURAL_ACTOR.search(actor))), clause.negation)


def targets(text, office_addressee):
    """True when the ask turns against the office's own government ("denounce China's
    treatment of defectors")."""
    criticism = _CRITICISE.search(text)
    if criticism and _ACTOR_RES[office_addressee].search(text, criticism.end()):
        return True
    own = _ACTOR_NEXT_RES[office_addressee]
    return any(own.match(text, demand.end()) for demand in _PUT_TO.finditer(text))


def reframe(text, point_addressee, role, office_addressee, route, variant):
    if route == Path.THROUGH:
        point_name = NAMES[point_addressee][_voice(role)][0]
        collapsed = collapse(text, office_addressee, point_name)
        if collapsed is not None:
            if role == Role.AMBASSADOR:
                return _own_government(collapsed, variant)
            return collapsed.imperative()
        if targets(text, office_addressee):
            return None
    clause, claim = parse(text, point_addressee)
    if clause is None:
        # A claim about someone else keeps its words; only a "you" in it is named.
        names = (
            YOUR_GOVERNMENT
            if route == Path.OWN_GOVERNMENT
            else (NAMES[point_addressee][_voice(role)])
        )
        return _capitalise(third_person(claim, _choose(names, Clause(claim)), first_named=True))
    if route == Path.OWN_GOVERNMENT:
        return _own_government(clause, variant)
    return _through(clause, point_addressee, role, variant)
