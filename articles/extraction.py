"""Find the calls to action in a campaign editorial.

A *call to action* is a sentence in which the document's own voice demands,
urges or recommends that some actor do, or stop doing, something. For each one
:func:`extract_calls` returns a :class:`Call` with

* the exact sentence and its character offsets in the text given,
* the addressee: who is asked to act (``ADDRESSEES``),
* an *ask*: a short imperative clause that can be quoted in a letter to that
  addressee ("Stop repatriating North Korean defectors"),
* a score between 0 and 1 (how sure the rule that fired is).

The module is pure Python (standard library only) and rule based. The rules
are general statements about English editorial prose, not about particular
articles:

Positive patterns
    subject + deontic modal + action verb ("X should/must/ought to/needs to/has
    to ..."); impersonal necessity ("it is urgent/imperative/crucial/time
    that/to ..."); the author urging someone ("We urge/call on/ask X to ...");
    "We cannot remain silent"; "The only way ... is to ..."; imperative
    headlines and sentences ("Stop the repatriations!").

Negative patterns
    questions; modals inside subordinate or relative clauses ("where they must
    hide"); past or epistemic modals ("had to", "should have", "must be
    difficult"); predictions ("will have to"); speculation ("may want to");
    reported speech ("X says that ... must", "passed a resolution demanding",
    quotations); legal descriptions ("under the convention, states must");
    actions of the victims themselves ("defectors must hide"); web boilerplate
    (navigation, captions, attributions).

Addressees
    The one who is asked to act: the subject of the modal, or the object of
    "urge/call on". "Beijing also needs to press Pyongyang" is for China.
    Pronouns ("it should ...") take the most recent actor named before.
    Seoul, "our government", the ministries, the president and lawmakers are
    ``south_korea_government``; Beijing and Chinese officials ``china``;
    Pyongyang and the Kim regime ``north_korea``; the U.N., the world,
    democracies, the U.S. ``international_community``; "we", readers,
    citizens ``public``. Impersonal necessity with no agent ("it is crucial
    to ...", "the only way is to ...") goes to the South Korean government
    when that government is an actor in the same or the previous paragraph,
    and to the public otherwise. Anyone else is ``other``.

Asks
    The verb phrase after the modal (or after "to"), capitalised, without the
    final full stop; "not" becomes "Do not"; "its" (and "their" for a plural
    addressee) becomes "your" when it refers to the addressee; a second clause
    with its own subject is cut off.

Duplicated text: every occurrence of a sentence is reported, each with its own
offsets. A page captured twice therefore yields each call twice; callers that
want one entry per distinct sentence should de-duplicate on ``Call.sentence``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field

from articles.sentences import Sentence, paragraph_spans, split_sentences

__all__ = [
    "ADDRESSEES",
    "Call",
    "Sentence",
    "evaluate",
    "extract_calls",
    "split_sentences",
]


def _words(text: str) -> frozenset[str]:
    """A set of the white-space separated words in ``text``."""
    return frozenset(text.split())


ADDRESSEES = (
    "china",
    "south_korea_government",
    "north_korea",
    "international_community",
    "public",
    "other",
)


@dataclass(frozen=True, slots=True)
class Call:
    """One call to action found in a text."""

    sentence: str
    start: int
    end: int
    addressee: str
    ask: str
    score: float

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


# ---------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------

# Place prepositions: "in Seoul", "to China" name a place, not an actor.
_NOT_PLACE = r"(?<!\bin )(?<!\binto )(?<!\bto )(?<!\bfrom )(?<!\bvia )(?<!\bof )(?<!\bat )"


# Source of each actor pattern, kept so that tests can check the gates below.
_UNGATED: dict[str, str] = {}


def _gated(first_chars: str, pattern: str) -> re.Pattern[str]:
    """Compile ``pattern`` behind a cheap test of the first character.

    Every alternative of the pattern must start with one of ``first_chars``;
    the look-ahead lets the engine skip all other positions quickly.
    """
    _UNGATED[first_chars] = pattern
    return re.compile(f"(?=[{first_chars}])(?:{pattern})")


_ACTOR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "south_korea_government",
        _gated(
            "OoTtSMNCFUlLYPK",
            r"\b(?:[Oo]ur|[Tt]he|South Korea[’']s)\s+(?:new\s+|own\s+)?(?:government|administration"
            r"|president|foreign ministry|foreign minister|unification ministry"
            r"|unification minister|diplomats|authorities)\b"
            r"|\b[Oo]ur\s+(?:political\s+)?(?:leaders(?:hip)?|officials|politicians|lawmakers)\b"
            r"|\b[Tt]he\s+(?:South\s+)?Korean\s+(?:government|administration|president"
            r"|foreign\s+minist(?:er|ry)|unification\s+minist(?:er|ry)|authorities"
            r"|diplomats|embassy)\b"
            r"|\b[Tt]he\s+Seoul\s+government\b"
            r"|(?<!Chinese )(?<!North Korean )\b(?:[Tt]he\s+)?(?:Foreign|Unification)\s+Ministry\b"
            r"|\b(?:[Tt]he\s+)?(?:South\s+Korean\s+)?Ministry\s+of\s+(?:Unification|Foreign\s+Affairs)\b"
            r"|\b(?:[Tt]he\s+)?National\s+Assembly\b|\bCheong\s+Wa\s+Dae\b|\b[Tt]he\s+Blue\s+House\b"
            r"|\bSouth\s+Korea[’']s\s+(?:parliament|lawmakers)\b"
            r"|(?<!US )(?<!U\.S\. )(?<!American )\b[Ll](?:awmakers|egislators)\b"
            r"|" + _NOT_PLACE + r"\bSouth\s+Korea\b(?![a-zA-Z])"
            r"|\b(?:[Tt]he\s+)?(?:Yoon(?:\s+Suk[- ][Yy]eol)?|Moon(?:\s+Jae[- ][Ii]n)?"
            r"|Lee(?:\s+Jae[- ][Mm]yung|\s+Myung[- ][Bb]ak)?|Park(?:\s+Geun[- ][Hh]ye)?)"
            r"\s+(?:government|administration)\b"
            r"|\bPresident\s+(?:Yoon|Moon|Lee\s+Jae[- ][Mm]yung|Park\s+Geun[- ][Hh]ye)\b"
            r"|" + _NOT_PLACE + r"(?<!North )(?<!South )\bKorea\b(?![a-zA-Z])"
            r"|" + _NOT_PLACE + r"\bSeoul\b(?!\s+National)",
        ),
    ),
    (
        "north_korea",
        _gated(
            "NTtKP",
            r"\bNorth\s+Korean\s+(?:regime|government|authorities|leader(?:ship)?"
            r"|officials|guards|dictator(?:ship)?|state)\b"
            r"|\b[Tt]he\s+Kim\s+(?:regime|dynasty|family)\b|\bKim\s+Jong[- ]?(?:un|Un|Eun|il|Il)\b"
            r"|" + _NOT_PLACE + r"\bNorth\s+Korea\b(?![a-zA-Z])"
            r"|"
            + _NOT_PLACE
            + r"\bPyongyang\b|"
            + _NOT_PLACE
            + r"\b[Tt]he\s+North\b(?![\s-]Korean)",
        ),
    ),
    (
        "china",
        _gated(
            "CXPTtB",
            r"\bChinese\s+(?:government|authorities|leaders(?:hip)?|officials|police"
            r"|[Ff]oreign\s+[Mm]inist(?:er|ry)|president|Communist\s+Party|side|embassy)\b"
            r"|\bXi(?:\s+Jinping)?\b(?![’'-]an)|\bPresident\s+Xi\b|\b[Tt]he\s+(?:CCP|CPC)\b"
            r"|" + _NOT_PLACE + r"\b(?:China|Beijing)\b",
        ),
    ),
    (
        "international_community",
        _gated(
            "TtUuDdMmOoGgFfJjAaSsW",
            r"(?i:\bthe\s+international\s+community\b|\bthe\s+United\s+Nations\b"
            r"|\bUNHCR\b|\bthe\s+world\b(?![’']s)|\bthe\s+United\s+States\b"
            r"|\b(?:U\.S\.|US)\s+Congress\b|\bthe\s+(?:EU|European\s+Union)\b|\bdemocracies\b"
            r"|\bdemocratic\s+(?:countries|nations|governments)\b|\bmember\s+states\b"
            r"|\bthe\s+(?:Security|Human\s+Rights)\s+Council\b|\bother\s+(?:countries|nations)\b"
            r"|\b(?:foreign\s+)?governments\b|\bthe\s+West\b|\bJapan\b|\ballies\b"
            r"|\bsignatory\s+(?:states|countries|nations)\b)"
            r"|\bU\.\s?N\.|\bUN\b|\b[Tt]he\s+U\.\s?S\.|\b[Tt]he\s+US\b"
            r"|" + _NOT_PLACE + r"\bWashington\b",
        ),
    ),
)

_PUBLIC_RE = re.compile(
    r"\b(?:we|us|our\s+(?:society|nation|country|citizens|readers)|readers|everyone|everybody"
    r"|citizens|all\s+of\s+us|each\s+of\s+us|you|the\s+public|civil\s+society|ordinary\s+people"
    r"|(?:South\s+)?Koreans|young\s+people|voters|churches|activists|campaigners)\b",
    re.IGNORECASE,
)

_VICTIM_RE = re.compile(
    r"\b(?:defectors|refugees|escapees|North\s+Koreans|returnees|asylum[- ]seekers"
    r"|families|women|children|detainees|migrants|victims|people)\b",
    re.IGNORECASE,
)

_PLURAL_ACTOR_RE = re.compile(
    r"\b(?:authorities|officials|leaders|governments|lawmakers|democracies|countries|nations"
    r"|diplomats|guards|police)\b",
    re.IGNORECASE,
)

# Heads of noun phrases that name someone able to act, though not one of
# the addressees we know by name.
_AGENT_NOUN_RE = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|businesses|airlines|banks|universit(?:y|ies)|churches"
    r"|groups?|organi[sz]ations?|agenc(?:y|ies)|NGOs|charities|media|journalists"
    r"|broadcasters|officials|leaders|part(?:y|ies)|committee|court|judges|brokers"
    r"|employers|schools|platforms|operators|minist(?:ry|ries)|department|commission"
    r"|lawyers|doctors|embass(?:y|ies)|editors|publishers|authorities|governments?)\b",
    re.IGNORECASE,
)

_PRONOUNS = frozenset({"it", "they", "he", "she", "this", "that", "these", "those"})


def _mentions(text: str) -> list[tuple[int, str]]:
    """Actor mentions in ``text`` as (position, addressee), in text order."""
    found = []
    for addressee, pattern in _ACTOR_PATTERNS:
        found.extend((m.start(), addressee) for m in pattern.finditer(text))
    found.sort()
    return found


def _classify_np(np: str) -> str | None:
    """Addressee named by a noun phrase, or None when it names no actor."""
    mentions = _mentions(np)
    if mentions:
        return mentions[0][1]
    if _PUBLIC_RE.search(np):
        return "public"
    return None


# ---------------------------------------------------------------------------
# Sentence-level filters
# ---------------------------------------------------------------------------

_BOILERPLATE_EXACT = frozenset(
    """
    back to top|top|share|share this|share this article|print|print this page|email|e-mail
    |tweet|comments|comment|subscribe|read more|related articles|related|advertisement|menu
    |home|search|log in|login|sign in|sign up|next|previous|close|more|facebook|twitter
    |copy link|font size|list|reply|report|like|follow us|contact us
    """.replace("\n", "").split("|")
)
_BOILERPLATE_RE = re.compile(
    r"^(?:\(.*\)|\[.*\])$"  # a line that is wholly parenthesised: attribution, credit
    r"|/\s*(?:News1|Yonhap|Newsis|AP|AFP|Reuters|EPA|Getty\s+Images|Xinhua)\s*$"
    r"|^(?:Photo|Image|Caption|Source|Credit|Copyright|©|All\s+rights\s+reserved)\b"
    r"|^(?:Sign\s+up|Subscribe|Click|Follow\s+us|Contact\s+us|Read\s+more|Share\s+(?:this|on))\b",
    re.IGNORECASE,
)


def _is_boilerplate(sentence: str) -> bool:
    s = sentence.strip()
    return s.lower().rstrip(".!:") in _BOILERPLATE_EXACT or bool(_BOILERPLATE_RE.search(s))


_REPORT_RE = re.compile(
    r"\b(?:says?|said|saying|claims?|claimed|claiming|insists|insisted|argues|argued"
    r"|maintains|maintained|states\s+that|stated|declared?|declares|announced?|announces"
    r"|demands|demanded|demanding|urges|urged|urging|call(?:s|ed|ing)?\s+(?:on|upon|for)"
    r"|recommends|recommended|recommending|requests|requested|requesting|asked|asks|asking"
    r"|told|tells|warns|warned|warning|according\s+to|stance|position\s+(?:is\s+)?that"
    r"|resolution|petition|statement|believes|thinks|hopes|wants|wished|wishes|expects"
    r"|reportedly|pledged|vowed|promised|emphasi[sz](?:es|ed|ing)|stress(?:es|ed|ing)"
    r"|quoted|noted|noting|added|adding|say|argue|insist|claim|think|believe|suggests?"
    r"|suggested|recommend|warn|conclude[sd]?|contends?|contended|fears?|feared"
    r"|predicts?|predicted|knows?|thought|felt|feels?|reckons?|agreed?|agrees)\b",
    re.IGNORECASE,
)
_FIRST_PERSON_RE = re.compile(r"\b(?:we|i|this\s+(?:newspaper|paper|page|editorial))\b", re.I)

_LEGAL_RE = re.compile(
    r"\b(?:under|according\s+to|in\s+accordance\s+with|pursuant\s+to)\s+(?:the\s+|its\s+|their\s+"
    r"|international\s+)?(?:[\w.’'-]+\s+){0,4}?(?:law|laws|convention|treaty|protocol|constitution"
    r"|article|charter|covenant|agreement|rules?)\b",
    re.IGNORECASE,
)
_LEGAL_SUBJECT_RE = re.compile(
    r"^(?:the\s+)?(?:contracting\s+)?(?:states|parties|signatories|signatory\s+states"
    r"|no\s+(?:state|one|party))$",
    re.IGNORECASE,
)


# "..., officials said." / "..., according to the ministry." at the end
_TRAILING_ATTRIBUTION_RE = re.compile(
    r",\s*(?:(?:[\w’'.-]+\s+){0,5}(?:said|says|say|told\s+\w+|added|noted|argued|insisted"
    r"|warned|claimed|stated|explained|wrote)|according\s+to\b[^,]*)[\s.!”\"]*$",
    re.IGNORECASE,
)


def _own_clause(prefix: str) -> str:
    """The part of ``prefix`` after the last ';' (or ':' not introducing speech)."""
    cut = prefix.rfind(";")
    colon = prefix.rfind(":")
    if colon > cut:
        before = prefix[max(0, colon - 40) : colon]
        if not _REPORT_RE.search(" ".join(before.split()[-3:])):
            cut = colon
    return prefix[cut + 1 :] if cut >= 0 else prefix


def _reported(prefix: str) -> bool:
    """True when ``prefix`` puts what follows in a third party's mouth."""
    for m in _REPORT_RE.finditer(prefix):
        before = prefix[max(0, m.start() - 40) : m.start()]
        words = before.split()[-4:]
        if not _FIRST_PERSON_RE.search(" ".join(words)):
            return True
    return False


def _inside_quote(prefix: str) -> bool:
    if prefix.count("“") > prefix.count("”"):
        return True
    return prefix.count('"') % 2 == 1


# ---------------------------------------------------------------------------
# Subjects
# ---------------------------------------------------------------------------

_CONNECTIVES_RE = re.compile(
    r"^(?:(?:but|and|so|yet|also|still|thus|hence|therefore|indeed|instead|now|rather|then"
    r"|first|second|third|finally|above\s+all|in\s+short|of\s+course|meanwhile|moreover"
    r"|furthermore|in\s+the\s+meantime|for\s+this\s+reason|for\s+now|at\s+the\s+same\s+time"
    r"|this\s+is\s+why|that\s+is\s+why|that[’']s\s+why|which\s+is\s+why|this\s+is\s+because"
    r"|in\s+other\s+words|to\s+this\s+end|to\s+that\s+end|at\s+the\s+very\s+least"
    r"|more\s+than\s+ever|ultimately|clearly|surely|simply|certainly)\b[\s,]*)+",
    re.IGNORECASE,
)
_TRAILING_ADVERBS_RE = re.compile(
    r"(?:\s+(?:also|therefore|thus|now|too|still|really|clearly|surely|certainly|first"
    r"|then|itself|themselves|in\s+turn|,))+$",
    re.IGNORECASE,
)
_SUBORDINATOR_RE = re.compile(
    r"\b(?:where|when|whenever|because|since|if|unless|while|whereas|although|though|once"
    r"|until|whether|lest|even\s+if|as\s+long\s+as|so\s+that|in\s+case|how|why|what)\b",
    re.IGNORECASE,
)
_RELATIVE_START_RE = re.compile(r"^(?:who|whom|whose|which|that)\b", re.IGNORECASE)
_PREPOSITION_START_RE = re.compile(
    r"^(?:for|in|at|on|with|by|like|as|after|before|despite|under|according|of|from|to"
    r"|without|unlike|above|among|especially|particularly|not|too|however|though|after\s+all)\b",
    re.IGNORECASE,
)
_THAT_RE = re.compile(r"\bthat\b", re.IGNORECASE)
_AUTHOR_MATRIX_RE = re.compile(
    r"(?:\b(?:we|i)\s+(?:\w+\s+){0,2}(?:believe|think|insist|argue|stress|maintain|repeat"
    r"|reiterate|hold|feel|are\s+convinced|contend|submit|emphasi[sz]e|say|suggest)"
    r"|\bit\s+(?:is|’s|'s)\s+(?:\w+\s+)?(?:clear|obvious|evident|plain|certain|time|high\s+time"
    r"|urgent|imperative|essential|vital|crucial|necessary|important)"
    r"|\b(?:this|that|which)\s+means|\bthe\s+(?:point|lesson|conclusion)\s+is)\s*$",
    re.IGNORECASE,
)


# Verbs (and copulas) that take a "that" clause: what follows is someone's
# report, belief or a description, not the paper's own demand.
_COMPLEMENT_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|means|meant|say|says|said|argue[sd]?|insist(?:s|ed)?"
    r"|claim(?:s|ed)?|thinks?|thought|believe[sd]?|feel(?:s)?|felt|fear(?:s|ed)?|hope[sd]?"
    r"|suggest(?:s|ed)?|recommend(?:s|ed)?|demand(?:s|ed)?|warn(?:s|ed)?|note[sd]?"
    r"|conclude[sd]?|agree[sd]?|add(?:s|ed)?|contend(?:s|ed)?|maintain(?:s|ed)?"
    r"|stress(?:es|ed)?|emphasi[sz]e[sd]?|urge[sd]?|knows?|knew|expect(?:s|ed)?"
    r"|predict(?:s|ed)?|acknowledge[sd]?|admit(?:s|ted)?|concede[sd]?|report(?:s|ed)?"
    r"|reveal(?:s|ed)?|assert(?:s|ed)?|declare[sd]?|announce[sd]?|state[sd]?"
    r"|explain(?:s|ed)?|out|understand(?:s)?|understood|reali[sz]e[sd]?|show(?:s|ed|n)?"
    r"|indicate[sd]?|estimate[sd]?|told\s+\w+|tells?\s+\w+)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Subject:
    text: str
    ok: bool  # False: the trigger sits in a subordinate/reported clause


def _subject_before(prefix: str) -> _Subject:
    """Find the subject of a verb group that starts right after ``prefix``."""
    stripped = prefix.rstrip()
    if not stripped:
        return _Subject("", False)  # inverted modal: "Should China refuse, ..."
    last_word = stripped.split()[-1].lower()
    if last_word in {"who", "which", "that", "whom"}:
        return _Subject("", False)  # "migrants who must be returned"
    pieces = re.split(r"[,;:–—()]|\s-\s", stripped)
    if not pieces[-1].strip() and len(pieces) > 1:
        # "China, which signed the convention, must ..." - skip the inserted clause
        candidates = [p.strip() for p in pieces[:-1] if p.strip()]
        chosen = ""
        for piece in reversed(candidates):
            if _RELATIVE_START_RE.match(piece) or _PREPOSITION_START_RE.match(piece):
                continue
            chosen = piece
            break
        piece = chosen or (candidates[0] if candidates else "")
    else:
        piece = pieces[-1].strip()
    piece = _CONNECTIVES_RE.sub("", piece).strip()
    # A complement clause: "We believe that China must ..."
    that_matches = list(_THAT_RE.finditer(piece))
    if that_matches:
        m = that_matches[-1]
        matrix, rest = piece[: m.start()], piece[m.end() :].strip()
        if rest and _AUTHOR_MATRIX_RE.search(matrix):
            piece = rest
        elif rest and _RELATIVE_START_RE.match(piece[m.start() :]) and not matrix.strip():
            return _Subject("", False)
        else:
            # "Policies that ... must end": a restrictive relative clause inside
            # the subject is fine; any other complement clause is not ours.
            if not re.search(r"\w\s*$", matrix) or _COMPLEMENT_VERB_RE.search(matrix):
                return _Subject(piece, False)
    if _SUBORDINATOR_RE.search(piece):
        return _Subject(piece, False)
    piece = _TRAILING_ADVERBS_RE.sub("", piece).strip()
    return _Subject(piece, True)


# ---------------------------------------------------------------------------
# Triggers
# ---------------------------------------------------------------------------

_MODAL_RE = re.compile(
    r"\b(?P<modal>should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|has\s+got\s+to"
    r"|have\s+got\s+to|would\s+do\s+well\s+to|would\s+be\s+(?:wise|well\s+advised)\s+to"
    r"|had\s+better)\b"
    r"(?P<neg>\s+(?:not|never|no\s+longer))?\s+",
    re.IGNORECASE,
)
_NEG_ABILITY_RE = re.compile(
    r"\b(?P<modal>cannot|can\s+not|can[’']t|can\s+no\s+longer|must\s+not|mustn[’']t"
    r"|should\s+not|shouldn[’']t)\s+(?:(?:simply|just|any\s+longer|afford\s+to)\s+)*"
    r"(?=(?:remain|stay|keep|stand|sit|look|turn|ignore|tolerate|allow|accept|let|watch"
    r"|close|overlook|condone|wait|delay|hesitate|idle)\b)",
    re.IGNORECASE,
)
_NOT_BEFORE_MODAL_RE = re.compile(
    r"\b(?:will|would|may|might|could|shall|no|the|a|an|any|urgent|pressing|little|without)\s*$",
    re.IGNORECASE,
)
_NECESSITY_RE = re.compile(
    r"(?:\b(?:it|this)\s*(?:\s+is|[’']s|\s+remains|\s+becomes|\s+has\s+become|\s+would\s+be)\s+"
    r"|\b(?:now|this)\s+is\s+(?=the\s+(?:time|moment)\b)|\bthe\s+(?=time\s+has\s+come\b))"
    r"(?:(?:all|more|most|very|now|therefore|thus|also|equally|absolutely|extremely|so"
    r"|especially|particularly|increasingly|ever)\s+)*"
    r"(?P<adj>urgent|imperative|crucial|essential|vital|necessary|important|critical"
    r"|paramount|high\s+time|time|incumbent|our\s+(?:duty|responsibility)|wise|advisable"
    r"|prudent|the\s+(?:time|moment)|time\s+has\s+come)"
    r"(?:\s+(?:for|on|upon)\s+(?P<agent>[^,;:]{1,80}?))?\s+(?P<neg0>not\s+)?(?P<link>to|that)\s+(?P<neg>not\s+)?",
    re.IGNORECASE,
)
_URGE_RE = re.compile(
    r"\b(?:we|i|this\s+(?:newspaper|paper|page|editorial))\s+"
    r"(?:(?:also|again|therefore|thus|strongly|hereby|now|further|must|once\s+again"
    r"|would|earnestly|urgently|again)\s+)*"
    r"(?P<verb>urge|call\s+on|call\s+upon|appeal\s+to|implore|ask|demand|request|beseech"
    r"|press|encourage|exhort|invite|challenge|call\s+for)\s+",
    re.IGNORECASE,
)
_ONLY_WAY_RE = re.compile(
    r"\b(?:the|our)\s+(?:only|best|right|sole|surest|one|first|most\s+effective)\s+"
    r"(?:way|option|answer|solution|course\s+of\s+action|remedy|step|thing\s+to\s+do)\b",
    re.IGNORECASE,
)
_ONLY_WAY_VP_RE = re.compile(
    r"\b(?:is|remains|would\s+be)\s+(?:for\s+(?P<agent>[^,;:]{1,60}?)\s+)?to\s+(?P<neg>not\s+)?",
    re.IGNORECASE,
)
_LET_US_RE = re.compile(r"^(?:let\s+us|let[’']s)\s+", re.IGNORECASE)

_META_VERBS = _words(
    """
    note point mention stress emphasize emphasise say recall add remember recognize
    recognise acknowledge realize realise understand know ask examine consider see
    bear
    """
)
_IRREGULAR_PARTICIPLES = _words(
    """
    held made given brought sent kept put told set shown seen done known taken let met
    paid built led heard freed granted spared forced driven drawn thrown struck won born
    brought caught fought sought taught thought bound found ground
    """
)
_NON_VERBS = _words(
    """
    the a an this that these those be been have has not no it its their our his her they
    we he she you i of in on to for and or but
    """
)

# Verbs that open imperative headlines or sentences addressed to someone.
_IMPERATIVE_VERBS = _words(
    """
    stop end halt free release protect save spare let grant respect honor honour uphold
    sign write call join tell speak demand urge act support donate stand raise help
    defend accept recognize recognise give allow open close abolish scrap abandon cease
    reject refuse resist remember never do don't don’t please bring keep boycott
    pressure press hold make take treat listen share shelter rescue welcome ensure guarantee
    repeal lift investigate punish
    """
)
_PUBLIC_VERBS = _words(
    """
    sign write call join tell speak donate raise boycott pressure press urge demand
    support remember stand listen share
    """
)

_DETERMINERS = _words(
    "the a an this that these those such all every each its their our any no some many most"
)
_ADJECTIVAL_PARTICIPLES = _words(
    """
    worried concerned pleased surprised disappointed tired interested determined convinced
    frightened scared ashamed embarrassed relieved satisfied amazed annoyed bored confused
    delighted excited alarmed troubled puzzled tempted inclined obliged
    """
)
# "must be ready/firm/...": adjectives that describe how an actor should act.
_AGENTIVE_ADJECTIVES = _words(
    """
    ready prepared willing firm firmer bold bolder clear clearer vigilant careful consistent
    proactive transparent honest generous resolute forthright unequivocal more
    """
)
_EPISTEMIC_RE = re.compile(
    r"(?:surely|certainly|probably|undoubtedly|obviously|doubtless|presumably"
    r"|already)\b|have\s+(?:(?:its|their|his|her|its\s+own|their\s+own)\s+)?"
    r"(?:reasons?|motives?|calculations?|doubts?)\b",
    re.IGNORECASE,
)
_COGNITION_VERBS = _words(
    """
    wonder admit acknowledge concede confess note say imagine agree assume suspect ask
    recognize recognise remember realize realise understand conclude add
    """
)
_GENERIC_PERSON_RE = re.compile(r"\b(?:we|you|one|i)\s*$", re.IGNORECASE)
_DROP_ADVERBS = frozenset({"also", "therefore", "thus", "then", "still", "too", "now", "really"})


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: str
    vp_start: int  # index in the sentence where the verb phrase begins
    negation: str  # "", "not", "never", "no longer"
    subject: str | None  # noun phrase naming who acts, if any
    explicit: str | None = None  # addressee fixed by the rule itself
    base: float = 0.85
    past: bool = False  # the verb phrase opens with a past-tense verb


# Work limits per sentence: a sentence with dozens of modals is not prose, and
# looking at the first few keeps the work linear on pathological input.
_MAX_HITS = 8
_MAX_MATCHES = 24
_WINDOW = 600  # characters before a trigger that the subject checks look at


def _verb_after(sentence: str, pos: int) -> tuple[int, str, str] | None:
    """Skip adverbs after a modal; return (start, first word, next word)."""
    words = list(_WORD_RE.finditer(sentence, pos, pos + 200))
    i = 0
    while i < len(words) and (
        words[i].group().lower() in _DROP_ADVERBS
        or (words[i].group().lower().endswith("ly") and words[i].group().lower() != "apply")
    ):
        i += 1
    if i >= len(words):
        return None
    first = words[i].group()
    nxt = words[i + 1].group() if i + 1 < len(words) else ""
    return words[i].start(), first, nxt


def _is_participle(word: str) -> bool:
    w = word.lower()
    return w.endswith("ed") or w.endswith("en") or w in _IRREGULAR_PARTICIPLES


def _modal_hits(sentence: str) -> list[_Hit]:
    hits = []
    for n, m in enumerate(_MODAL_RE.finditer(sentence)):
        if len(hits) >= _MAX_HITS or n >= _MAX_MATCHES:
            break
        prefix = sentence[: m.start()]
        if _NOT_BEFORE_MODAL_RE.search(sentence, max(0, m.start() - 30), m.start()):
            continue
        modal = m.group("modal").lower()
        neg = (m.group("neg") or "").strip().lower()
        neg = re.sub(r"\s+", " ", neg)
        verb = _verb_after(sentence, m.end())
        if verb is None:
            continue
        vp_start, first, nxt = verb
        first_l = first.lower()
        if _EPISTEMIC_RE.match(sentence, m.end()):
            continue  # "must surely know", "must have its reasons": a guess, not a demand
        if first_l in _COGNITION_VERBS and _GENERIC_PERSON_RE.search(prefix[-12:]):
            continue  # "we have to admit", "you have to wonder": a remark, not a demand
        if not first[0].islower() or first_l in _NON_VERBS - {"be", "have"}:
            continue
        if modal in {"must", "should", "ought to"} and first_l == "have" and _is_participle(nxt):
            continue  # "should have acted": retrospective
        if first_l == "have" and nxt.lower() in {"been", "had"}:
            continue
        passive = False
        if first_l == "be" and nxt.lower() in _AGENTIVE_ADJECTIVES:
            pass  # "Seoul must be ready to receive them": asks for an attitude
        elif first_l == "be":
            if nxt.lower() in _META_VERBS or nxt.lower() in {
                "noted",
                "said",
                "stressed",
                "pointed",
                "remembered",
                "mentioned",
                "emphasized",
            }:
                continue  # "it should be noted that"
            if not _is_participle(nxt) or nxt.lower() in _ADJECTIVAL_PARTICIPLES:
                continue  # "must be difficult", "should be ashamed": not a request
            passive = True
        hits.append(_Hit("modal_passive" if passive else "modal", vp_start, neg, prefix, base=0.9))
    for n, m in enumerate(_NEG_ABILITY_RE.finditer(sentence)):
        if len(hits) >= _MAX_HITS or n >= _MAX_MATCHES:
            break
        prefix = sentence[: m.start()]
        hits.append(_Hit("cannot", m.end(), "not", prefix, base=0.85))
    return hits


_CONDITIONAL_BEFORE_RE = re.compile(
    r"\b(?:if|whether|when|unless|because|since)\s*$", re.IGNORECASE
)


def _necessity_hits(sentence: str) -> list[_Hit]:
    hits = []
    for n, m in enumerate(_NECESSITY_RE.finditer(sentence)):
        if len(hits) >= _MAX_HITS or n >= _MAX_MATCHES:
            break
        if _CONDITIONAL_BEFORE_RE.search(sentence, max(0, m.start() - 20), m.start()):
            continue
        neg = "not" if m.group("neg") or m.group("neg0") else ""
        agent = m.group("agent")
        if m.group("link").lower() == "to":
            verb = _verb_after(sentence, m.end())
            if verb is None or verb[1].lower() in _META_VERBS:
                continue
            hits.append(_Hit("necessity", verb[0], neg, agent, base=0.85 if agent else 0.75))
        else:
            rest = sentence[m.end() :]
            np_end = _actor_np_end(rest)
            if np_end is None:
                hits.append(_Hit("necessity_that", m.end(), neg, None, base=0.7))
                continue
            np = rest[:np_end]
            after = re.match(
                r"\s+(?:(?:should|must|shall|will)\s+)?(?P<neg>not\s+|never\s+)?", rest[np_end:]
            )
            vp_start = m.end() + np_end + (after.end() if after else 0)
            neg2 = (after.group("neg") or "").strip() if after else ""
            # "it is time that Beijing abandoned ...": the verb is in the past form
            past = "time" in m.group("adj").lower()
            hits.append(_Hit("necessity", vp_start, neg2 or neg, np, base=0.88, past=past))
    return hits


def _actor_np_end(rest: str) -> int | None:
    """End of an actor noun phrase at the start of ``rest`` ("our government come...")."""
    rest_l = rest.lower()
    for pron in ("we", "they", "it", "everyone", "all of us", "you"):
        if rest_l.startswith(pron + " "):
            return len(pron)
    best = None
    det = re.match(r"(?:the\s+)?", rest, re.IGNORECASE)
    starts = {0, det.end() if det else 0}
    for _addressee, pattern in _ACTOR_PATTERNS:
        for pos in starts:
            m = pattern.match(rest, pos)
            if m and (best is None or m.end() > best):
                best = m.end()
    if best is not None:
        # extend over a short trailing head noun: "the Chinese government and the UN"
        return best
    return None


def _urge_hits(sentence: str) -> list[_Hit]:
    hits = []
    for n, m in enumerate(_URGE_RE.finditer(sentence)):
        if len(hits) >= _MAX_HITS or n >= _MAX_MATCHES:
            break
        if _SUBORDINATOR_RE.search(sentence[max(0, m.start() - 30) : m.start()]):
            continue
        verb = re.sub(r"\s+", " ", m.group("verb").lower())
        rest = sentence[m.end() : m.end() + 160]
        if verb in {"demand", "ask", "request"} and rest.lower().startswith("that "):
            sub_rest = rest[5:]
            np_end = _actor_np_end(sub_rest)
            if np_end is None:
                continue
            after = re.match(
                r"\s+(?:(?:should|must)\s+)?(?P<neg>not\s+|never\s+)?", sub_rest[np_end:]
            )
            vp_start = m.end() + 5 + np_end + (after.end() if after else 0)
            neg = (after.group("neg") or "").strip() if after else ""
            hits.append(_Hit("urge", vp_start, neg, sub_rest[:np_end], base=0.95))
            continue
        if verb == "call for":
            obj = rest
            to = re.search(r"\s(?P<neg>not\s+)?to\s+", rest)
            if to and _classify_np(rest[: to.start()]):
                hits.append(
                    _Hit(
                        "urge",
                        m.end() + to.end(),
                        "not" if to.group("neg") else "",
                        rest[: to.start()],
                        base=0.9,
                    )
                )
            else:
                actor = _classify_np(obj)
                hits.append(_Hit("call_for", m.end(), "", None, explicit=actor, base=0.8))
            continue
        to = re.search(r"\s(?P<neg>not\s+)?to\s+", rest)
        if not to or to.start() > 120:
            continue
        hits.append(
            _Hit(
                "urge",
                m.end() + to.end(),
                "not" if to.group("neg") else "",
                rest[: to.start()],
                base=0.95,
            )
        )
    return hits


def _only_way_hits(sentence: str) -> list[_Hit]:
    m = _ONLY_WAY_RE.search(sentence)
    if not m:
        return []
    vp = _ONLY_WAY_VP_RE.search(sentence, m.end())
    if not vp:
        return []
    neg = "not" if vp.group("neg") else ""
    return [_Hit("only_way", vp.end(), neg, vp.group("agent"), base=0.8)]


# The first word is a noun when a finite verb follows it ("Support grew").
_FINITE_AFTER_NOUN = _words(
    """
    of by is was are were has had came grew went remains remained seems seemed appears
    appeared arrived will would can could may might does did
    """
)
# Verb-initial openers that introduce an example or a remark, not a directive.
_NOT_A_DIRECTIVE_RE = re.compile(
    r"(?:take\s+(?:the\s+case|for\s+example|for\s+instance)|make\s+no\s+mistake"
    r"|let\s+(?:me|it\s+be\s+said)\b|do\s+(?:you|we|they|i)\b)",
    re.IGNORECASE,
)


def _imperative_hits(sentence: str) -> list[_Hit]:
    body = sentence.lstrip("\"'“‘([")
    offset = len(sentence) - len(body)
    let = _LET_US_RE.match(body)
    if let:
        return [_Hit("imperative", offset + let.end(), "", "we", base=0.85)]
    words = body.split()
    if len(words) < 3:
        return []
    first = words[0].lower().rstrip(",:")
    if first not in _IMPERATIVE_VERBS:
        return []
    second = words[1].lower().rstrip(",.;:")
    if (
        second in _FINITE_AFTER_NOUN
        or (second.endswith("ed") and len(second) > 4)
        or (first == "welcome" and second == "to")
        or _NOT_A_DIRECTIVE_RE.match(body)
    ):
        return []  # "End of story", "Help came too late", "Take the case of ..."
    neg = ""
    vp_start = offset
    if first in {"don't", "don’t"}:
        neg, vp_start = "not", offset + len(words[0]) + 1
    elif first == "do" and words[1].lower() == "not":
        neg, vp_start = "not", offset + body.index(words[1]) + len(words[1]) + 1
    elif first == "never":
        neg, vp_start = "never", offset + len(words[0]) + 1
    elif first == "please":
        vp_start = offset + len(words[0]) + 1
    base = 0.8 if sentence.rstrip()[-1:] in "!" or sentence.rstrip()[-1:].isalnum() else 0.7
    explicit = "public" if first in _PUBLIC_VERBS else None
    return [_Hit("imperative", vp_start, neg, None, explicit=explicit, base=base)]


# ---------------------------------------------------------------------------
# Asks
# ---------------------------------------------------------------------------

_TRAILING_PUNCT_RE = re.compile(r"[\s.!;:,]+$")
_WS_RE = re.compile(r"\s+")
_NEXT_CLAUSE_RE = re.compile(
    r"[,;]?\s+(?:and|but|while|whereas)\s+(?:[\w.’'-]+\s+){1,5}?"
    r"(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|cannot)\b"
)
_FINAL_ACRONYM_RE = re.compile(r"\b(?:[A-Z]\.){2,}(?=[\s.!]*$)")
_WORD_RE = re.compile(r"[A-Za-z’'-]+")
_LEADING_ADVERB_RE = re.compile(r"^(?:also|therefore|thus|then|still|too|now)\s+", re.I)
_NK_RE = re.compile(r"\bN\.K\.(?=\s+[a-z])")
_SK_RE = re.compile(r"\bS\.K\.(?=\s+[a-z])")
_THIRD_PARTY_PRONOUN_RE = re.compile(r"\b(?:they|them|he|she|him)\b", re.IGNORECASE)
_SWAP_SINGULAR_RE = re.compile(r"\b(?:its|itself)\b")
_SWAP_PLURAL_RE = re.compile(r"\b(?:their|themselves)\b")
_SWAPS = {"its": "your", "itself": "yourself", "their": "your", "themselves": "yourselves"}
_PLURAL_NOUN_RE = re.compile(r"\b(?:[a-z]{3,}[^s\W]s|children|people|women|men|families)\b")


def _make_ask(sentence: str, hit: _Hit, addressee: str, subject: str | None) -> str:
    vp = _WS_RE.sub(" ", sentence[hit.vp_start :]).strip()
    # trailing punctuation, keeping a closing quote that belongs to a quoted phrase
    # a dotted abbreviation at the very end loses its dots: "at the U.N." -> "at the UN"
    vp = _FINAL_ACRONYM_RE.sub(lambda m: m.group().replace(".", ""), vp)
    while vp and vp[-1] in ".!;:, ":
        vp = vp[:-1]
    if vp.endswith(("”", '"', "’")) and len(vp) > 1 and vp[-2] in ".!,":
        vp = vp[:-2] + vp[-1]
    vp = _LEADING_ADVERB_RE.sub("", vp)
    # "..., and they must ...": a second clause with its own subject is not part of the ask
    vp = _NEXT_CLAUSE_RE.split(vp, maxsplit=1)[0]
    if hit.past:
        first, _, rest = vp.partition(" ")
        vp = (_base_form(first) + " " + rest).strip()
    vp = _NK_RE.sub("North Korean", vp)
    vp = _SK_RE.sub("South Korean", vp)
    if addressee != "other" and (subject or "").lower() not in {"we", "us"}:
        vp = _second_person(vp, subject or "", addressee)
    if hit.negation == "never":
        vp = "never " + vp
    elif hit.negation == "no longer":
        vp = "no longer " + vp
    elif hit.negation == "not":
        vp = "do not " + vp
    if hit.kind == "modal_passive" or hit.kind == "necessity_that":
        vp = "ensure that " + _passive_clause(sentence, hit)
    elif hit.kind == "call_for":
        vp = "work for " + vp
    return vp[:1].upper() + vp[1:] if vp else vp


# "... put an end to your merciless policy": an ask that ends on a bare
# "policy"/"practice" names no policy. Earlier in the text the editorial has
# usually said which one ("its policy of cracking down on defectors").
_VAGUE_POLICY_RE = re.compile(
    r"\b(?:your|its|their|this|that|the)\s+(?:[\w-]+\s+){0,2}?(policy|practice)$"
)
# The policy's name keeps a "by ...ing" clause that says how it works
# ("cracking down on defectors by forcing their repatriation").
_POLICY_OF_RE = re.compile(
    r"\b(policy|practice)\s+of\s+([a-z]+ing\b[^.,;:()!?“”\"]{3,80}?"
    r"(?:\s+by\s+[a-z]+ing\b[^.,;:()!?“”\"]{3,60}?)?)"
    r"(?=\s+(?:by|based|because|through|so|which|that|when|while|as|since|for\s+fear)\b"
    r"|[.,;:()!?“”\"]|$)"
)


def _name_the_policy(ask: str, context: str) -> str:
    """Complete a bare "your policy" from the nearest "policy of ..." before it."""
    vague = _VAGUE_POLICY_RE.search(ask)
    if not vague:
        return ask
    named = [m for m in _POLICY_OF_RE.finditer(context) if m.group(1) == vague.group(1)]
    if not named:
        return ask
    return f"{ask} of {_WS_RE.sub(' ', named[-1].group(2)).strip()}"


_IRREGULAR_PAST = {
    "gave": "give", "took": "take", "made": "make", "began": "begin", "came": "come",
    "did": "do", "went": "go", "stood": "stand", "spoke": "speak", "wrote": "write",
    "chose": "choose", "held": "hold", "kept": "keep", "brought": "bring", "sent": "send",
    "told": "tell", "put": "put", "let": "let", "set": "set", "got": "get", "saw": "see",
    "found": "find", "knew": "know", "paid": "pay", "sought": "seek", "thought": "think",
    "were": "be", "was": "be", "had": "have", "rose": "rise", "broke": "break",
}  # fmt: skip
_E_STEMS = re.compile(
    r"(?:[^aeiou][aeiou][cgsvz]|iz|is|at|ur|ag|ng|uc|ud|os|ar|ir|iv|ov|ac|rg|dg|as|rs|ls|rc"
    r"|nc|ns|aus|e)$"
)


def _base_form(verb: str) -> str:
    """'abandoned' -> 'abandon', 'stopped' -> 'stop', 'realized' -> 'realize'."""
    v = verb.lower()
    if v in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[v]
    if not v.endswith("ed") or len(v) < 4:
        return verb
    if v.endswith("ied"):
        return verb[:-3] + "y"
    stem = verb[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]  # stopped, planned
    if _E_STEMS.search(stem.lower()):
        return stem + "e"  # realized, abated, urged, placed
    return stem


def _third_person(verb: str) -> str:
    v = verb.lower()
    if v == "be":
        return "is"
    if v == "have":
        return "has"
    if re.search(r"(?:s|sh|ch|x|z|o)$", v):
        return verb + "es"
    if re.search(r"[^aeiou]y$", v):
        return verb[:-1] + "ies"
    return verb + "s"


def _ensure_clause(sentence: str, hit: _Hit, subject: str) -> str:
    """'Human rights should come first' -> 'Ensure that human rights come first'."""
    vp = _TRAILING_PUNCT_RE.sub("", re.sub(r"\s+", " ", sentence[hit.vp_start :]).strip())
    subject = re.sub(r"\s+", " ", subject)
    subj = subject[:1].lower() + subject[1:] if subject[1:2].islower() else subject
    plural = bool(re.search(r"s$|\band\b", subj.lower()))
    if hit.negation:
        aux = "do" if plural else "does"
        verb_phrase = f"{aux} not {vp}" if hit.negation != "never" else f"never {vp}"
    elif plural:
        verb_phrase = vp
    else:
        first, _, rest = vp.partition(" ")
        verb_phrase = (_third_person(first) + (" " + rest if rest else "")).strip()
    return f"Ensure that {subj} {verb_phrase}"


def _passive_clause(sentence: str, hit: _Hit) -> str:
    """'Defectors must be protected' -> 'defectors are protected'."""
    if hit.kind == "necessity_that":
        clause = sentence[hit.vp_start :]
    else:
        subj = (hit.subject or "").strip()
        subj = _CONNECTIVES_RE.sub("", subj.split(",")[-1]).strip()
        rest = sentence[hit.vp_start :]
        rest = re.sub(r"^be\s+", "", rest)
        plural = subj.lower().endswith("s") or subj.lower() in {"they", "these", "those"}
        neg = " not" if hit.negation in {"not", "never", "no longer"} else ""
        clause = f"{subj} {'are' if plural else 'is'}{neg} {rest}"
    clause = _TRAILING_PUNCT_RE.sub("", re.sub(r"\s+", " ", clause).strip())
    first = clause.split(" ", 1)[0]
    if first.lower() in _DETERMINERS:
        clause = clause[:1].lower() + clause[1:]
    return clause


def _second_person(vp: str, subject: str, addressee: str) -> str:
    """Turn possessives that refer to the addressee into 'your'."""
    plural_subject = (
        bool(_PLURAL_ACTOR_RE.search(subject))
        or subject.lower() in {"they"}
        or (addressee == "public" and bool(_PUBLIC_RE.search(subject)))
    )

    # Only pronouns before the first other actor or third-party pronoun refer to
    # the addressee: "press Pyongyang to halt its ..." keeps "its".
    scan = vp[:_WINDOW]
    stops = [m[0] for m in _mentions(scan)[:1]]
    third = _THIRD_PARTY_PRONOUN_RE.search(scan)
    if third:
        stops.append(third.start())
    limit = min(stops, default=len(scan))
    vp = _SWAP_SINGULAR_RE.sub(lambda m: _SWAPS[m.group()], vp[:limit]) + vp[limit:]
    if plural_subject:
        # "their" may also point at a plural noun named after the verb:
        # "allow the children to stay with their mothers" keeps "their".
        plural = _PLURAL_NOUN_RE.search(scan, scan.find(" ") + 1 if " " in scan else len(scan))
        if plural:
            limit = min(limit, plural.start())
        vp = _SWAP_PLURAL_RE.sub(lambda m: _SWAPS[m.group()], vp[:limit]) + vp[limit:]
    return vp


# ---------------------------------------------------------------------------
# Main entry point
# ---------------------------------------------------------------------------


@dataclass
class _Doc:
    text: str
    sentences: list[Sentence]
    paragraph_of: list[int]
    paragraphs: list[tuple[int, int]]
    _mentions: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    _main_actor: list[str | None] = field(default_factory=list)

    def mentions(self, idx: int) -> list[tuple[int, str]]:
        """Actor mentions in sentence ``idx`` (computed once)."""
        if idx not in self._mentions:
            self._mentions[idx] = _mentions(self.sentences[idx].text)
        return self._mentions[idx]

    @property
    def main_actor(self) -> str | None:
        """The actor the document names most often."""
        if not self._main_actor:
            counts = Counter(a for _pos, a in _mentions(self.text))
            self._main_actor.append(counts.most_common(1)[0][0] if counts else None)
        return self._main_actor[0]


def _prepare(text: str) -> _Doc:
    sentences = split_sentences(text)
    paragraphs = paragraph_spans(text)
    para_of = []
    p = 0
    for s in sentences:
        while p + 1 < len(paragraphs) and s.start >= paragraphs[p][1]:
            p += 1
        para_of.append(p)
    return _Doc(text, sentences, para_of, paragraphs)


def _recent_actor(doc: _Doc, idx: int, plural: bool = False) -> tuple[str | None, bool]:
    """Most recent actor before sentence ``idx``; second item: a victim group is nearer."""
    first_para = max(0, doc.paragraph_of[idx] - 1)
    for j in range(idx - 1, max(-1, idx - 6), -1):
        if doc.paragraph_of[j] < first_para:
            break
        text = doc.sentences[j].text
        if plural and _VICTIM_RE.search(text) and not _PLURAL_ACTOR_RE.search(text):
            return None, True
        mentions = doc.mentions(j)
        if mentions:
            return mentions[0][1], False
    return None, False


def _government_context(doc: _Doc, idx: int) -> bool:
    """Is the South Korean government an actor in this or the previous paragraph?"""
    first_para = max(0, doc.paragraph_of[idx] - 1)
    j = idx - 1
    while j >= max(0, idx - 40) and doc.paragraph_of[j] >= first_para:
        if any(a == "south_korea_government" for _p, a in doc.mentions(j)):
            return True
        j -= 1
    return False


_PRACTICE_VERBS = _words("stop end cease halt change come take prevail go disappear")


@dataclass(frozen=True, slots=True)
class _Resolved:
    addressee: str
    adjust: float  # added to the rule's base score
    thing: bool = False  # the subject is a practice, not someone who acts


_RELATIVE_TAIL_RE = re.compile(r"\s+(?:who|whom|whose|which|that)\b.*$", re.IGNORECASE | re.DOTALL)


def _resolve(doc: _Doc, idx: int, hit: _Hit, subject: str | None) -> _Resolved | None:
    """Addressee for a hit and a score adjustment; None rejects the hit."""
    if hit.explicit:
        return _Resolved(hit.explicit, 0.0)
    if hit.kind in {"necessity", "only_way", "necessity_that"} and not subject:
        return _Resolved(
            ("south_korea_government" if _government_context(doc, idx) else "public"), -0.05
        )
    if hit.kind == "call_for":
        actor, _ = _recent_actor(doc, idx)
        return _Resolved((actor or "public"), -0.1)
    if hit.kind == "imperative" and hit.subject == "we":
        return _Resolved("public", 0.0)
    if hit.kind == "imperative":
        mentions = doc.mentions(idx)
        if mentions:
            return _Resolved(mentions[0][1], -0.05)
        if doc.sentences[idx].text.rstrip().endswith("."):
            return _Resolved("public", -0.1)  # an instruction in the body speaks to readers
        # a headline or slogan: aimed at the actor the article is about
        return _Resolved((doc.main_actor or "other"), -0.15)
    subj = (subject or "").strip()
    # "defectors who reach South Korea": the head comes before the relative clause
    subj = _RELATIVE_TAIL_RE.sub("", subj) or subj
    subj_l = subj.lower()
    if subj_l in _PRONOUNS or subj_l in {"it all"}:
        plural = subj_l in {"they", "these", "those"}
        actor, victims_nearer = _recent_actor(doc, idx, plural=plural)
        if victims_nearer:
            if hit.kind == "modal_passive":
                return _Resolved((doc.main_actor or "other"), -0.3)
            return None
        if actor:
            return _Resolved(actor, -0.08)
        return None  # a pronoun with no actor to refer to: descriptive
    named = _classify_np(subj)
    if named:
        if hit.kind == "modal_passive":
            return _Resolved(named, -0.15)
        return _Resolved(named, 0.0)
    if _VICTIM_RE.search(subj):
        if hit.kind == "modal_passive":
            actor, _ = _recent_actor(doc, idx)
            return _Resolved((actor or doc.main_actor or "other"), -0.25)
        return None  # "defectors must hide": the victims are not being asked
    if _LEGAL_SUBJECT_RE.match(subj):
        return None
    if _AGENT_NOUN_RE.search(subj):
        return _Resolved("other", 0.0)  # "the shipping companies should refuse ..."
    # a thing or a practice: "the repatriations must stop"
    verb = re.match(r"[A-Za-z]+", doc.sentences[idx].text[hit.vp_start :])
    if hit.kind != "modal_passive" and (
        verb is None or verb.group().lower() not in _PRACTICE_VERBS
    ):
        return None  # "the figure should alarm everyone": evaluative, nobody is asked
    actor, _ = _recent_actor(doc, idx)
    return _Resolved(actor or doc.main_actor or "other", -0.3, thing=True)


# Words without which none of the rules but the imperative one can fire.
_TRIGGER_RE = re.compile(
    r"\b(?:should|must|ought|needs?|ha(?:s|ve)|had|would|urge|call|appeal|implore|ask|demand"
    r"|request|beseech|press|encourage|exhort|invite|challenge|it|this|only|best|right|sole"
    r"|surest|one|first|most|cannot|can|mustn|shouldn|now|time)\b",
    re.IGNORECASE,
)


def _judge(doc: _Doc, idx: int) -> Call | None:
    sent = doc.sentences[idx]
    text = sent.text
    if _is_boilerplate(text) or text.rstrip().endswith("?"):
        return None
    hits = _imperative_hits(text)
    if _TRIGGER_RE.search(text):
        hits += _urge_hits(text) + _necessity_hits(text) + _only_way_hits(text)
        hits += _modal_hits(text)
    hits = hits[:_MAX_HITS]
    best: Call | None = None
    for hit in hits:
        prefix = _own_clause(text[max(0, hit.vp_start - _WINDOW) : hit.vp_start])
        subject: str | None = hit.subject
        if hit.kind in {"modal", "modal_passive", "cannot"}:
            if _reported(prefix) or _inside_quote(prefix) or _LEGAL_RE.search(prefix):
                continue
            if _TRAILING_ATTRIBUTION_RE.search(text, max(hit.vp_start, len(text) - 200)):
                continue
            subj = _subject_before((hit.subject or "")[-_WINDOW:])
            if not subj.ok:
                continue
            subject = subj.text
        elif _inside_quote(prefix) or (hit.kind != "urge" and _reported(prefix)):
            continue
        resolved = _resolve(doc, idx, hit, subject)
        if resolved is None:
            continue
        addressee, adjust = resolved.addressee, resolved.adjust
        score = hit.base + adjust
        if addressee == "other":
            score -= 0.15
        score = round(min(0.99, max(0.05, score)), 2)
        if resolved.thing and hit.kind == "modal":
            ask = _ensure_clause(text, hit, subject or "")
        else:
            ask = _make_ask(text, hit, addressee, subject)
            ask = _name_the_policy(ask, doc.text[max(0, sent.start - 4000) : sent.start])
        if not ask:
            continue
        call = Call(text, sent.start, sent.end, addressee, ask, score)
        if best is None or call.score > best.score:
            best = call
    return best


def extract_calls(text: str) -> list[Call]:
    """Every call to action in ``text``, in document order (see module docs)."""
    doc = _prepare(text)
    calls = []
    for idx in range(len(doc.sentences)):
        call = _judge(doc, idx)
        if call is not None:
            calls.append(call)
    return calls


# ---------------------------------------------------------------------------
# Evaluation against labelled documents
# ---------------------------------------------------------------------------

_ADDRESSEE_ALIASES = {"public/readers": "public", "readers": "public"}


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def evaluate(
    documents: Mapping[str, str], gold: Iterable[Mapping[str, object]]
) -> dict[str, object]:
    """Score :func:`extract_calls` against labelled documents.

    ``documents`` maps a file name to its raw text; ``gold`` is a list of
    entries shaped like ``tests/data/seed_calls_to_action.json``'s
    "documents" (``file`` and ``calls_to_action`` with ``sentence``,
    ``addressee``, ``borderline``). Every occurrence of a gold sentence in the
    raw text counts separately, so a duplicated page needs both copies found.

    A prediction matches a gold call when their offsets overlap or their
    normalised texts are equal. Predictions that match a borderline call count
    neither way, nor do missed borderline calls.
    """
    tp = fp = fn = 0
    addressee_right = addressee_total = 0
    details: list[dict[str, object]] = []
    for entry in gold:
        name = str(entry["file"])
        text = documents[name]
        golds = []
        for item in entry.get("calls_to_action", []):  # type: ignore[union-attr]
            sentence = str(item["sentence"])
            pos = text.find(sentence)
            spans = []
            while pos != -1:
                spans.append((pos, pos + len(sentence)))
                pos = text.find(sentence, pos + 1)
            if not spans and "char_start" in item:
                start = int(item["char_start"])
                spans.append((start, start + len(sentence)))
            addressee = str(item["addressee"])
            addressee = _ADDRESSEE_ALIASES.get(addressee, addressee)
            for span in spans:
                golds.append(
                    {
                        "sentence": sentence,
                        "span": span,
                        "addressee": addressee,
                        "borderline": bool(item.get("borderline", False)),
                        "found": False,
                    }
                )
        for call in extract_calls(text):
            match = None
            for g in golds:
                g_start, g_end = g["span"]  # type: ignore[misc]
                overlap = call.start < g_end and g_start < call.end
                same_text = _norm(call.sentence) == _norm(str(g["sentence"]))
                if overlap or (same_text and not g["found"]):
                    match = g
                    break
            if match is None:
                fp += 1
                details.append({"file": name, "kind": "false_positive", "call": call.as_dict()})
                continue
            if match["borderline"]:
                match["found"] = True
                continue
            if not match["found"]:
                tp += 1
                match["found"] = True
                addressee_total += 1
                if call.addressee == match["addressee"]:
                    addressee_right += 1
                else:
                    details.append(
                        {
                            "file": name,
                            "kind": "wrong_addressee",
                            "expected": match["addressee"],
                            "call": call.as_dict(),
                        }
                    )
        for g in golds:
            if not g["found"] and not g["borderline"]:
                fn += 1
                details.append({"file": name, "kind": "missed", "sentence": g["sentence"]})
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    accuracy = addressee_right / addressee_total if addressee_total else 1.0
    return {
        "precision": precision,
        "recall": recall,
        "addressee_accuracy": accuracy,
        "true_positives": tp,
        "false_positives": fp,
        "false_negatives": fn,
        "details": details,
    }
