"""People: who speaks for the document besides its own name.

An organisation speaks through its people, a UN release through its experts.
Rules:

* Someone quoted with a title that ties them to the speaker is its own: "said
  Jane Doe, the group's director", "Border Light's advocacy director"; so is
  someone listed at the foot ("*The experts: Jane Doe, Special Rapporteur on
  ..."), even if quoted by office only ("said the Special Rapporteur on ..."),
  and someone whose organisation "convened the statement".
* A title with no other body named is the speaker's: "spokesperson Lina
  Moro", "executive director Ana Ruiz", "board chair Daniel Park" (a board, a
  founding director are the organisation's own; "ministry spokesperson" is
  not a title of the speaker's).
* A person named after the organisation and their title ("CNNR
  secretary-general Oh Min-seo") is the person after the title; after that
  their family name alone ("Oh said", "Park added") will do, first or last.
* A quotation given to "he", "she" or "they" is the last person named's; one
  with no speaker at all is the document's only when offered to the reader as
  words to use (a model letter, "You could say something like this: ...").
"""

from __future__ import annotations

import re
from typing import Protocol

from articles.extraction.actors import ORG_HEAD_RE as _ORG_HEAD_RE
from articles.extraction.quotes import Quote
from articles.extraction.sentences import word_set


class Speaker(Protocol):
    """What these rules read and add to (the voice module's ``Voice``)."""

    names: set[str]
    heads: set[str]
    quotes: list[Quote]
    report: bool

    def is_own(self, who: str | None) -> bool: ...


# Nouns an organisation, agency, body or group of experts uses for itself.
SELF_HEADS = word_set(
    """
    organisation organization group charity foundation trust network alliance association
    agency institute centre center coalition movement campaign committee body experts expert
    government ministry assembly parliament council office signatories organisations
    organizations rapporteur mandate
    """
)


PERSON_TITLE_RE = re.compile(
    r"\b(?:director|head|chief|chair(?:man|woman|person)?|president|spokes(?:person|man|woman)"
    r"|coordinator|researcher|campaigner|adviser|advisor|founder|secretary|officer|manager"
    r"|lead|representative|rapporteur|expert|executive|minister|member|lawyer|counsel)\b",
    re.IGNORECASE,
)


# Someone named after their title: "cnnr secretary-general oh min-seo" (lower case)
_TITLED_PERSON_RE = re.compile(
    r"^.*\b(?:director|chief|chair(?:man|woman|person)?|president|spokes(?:person|man|woman)"
    r"|coordinator|researcher|campaigner|adviser|advisor|founder|secretary(?:-general)?|officer"
    r"|manager|representative)\s+(?P<person>[\w’'-]+(?:\s+[\w’'-]+){0,2})$"
)


_BARE_OFFICE_TITLE_RE = re.compile(
    r"(?:(?:our|the)\s+)?(?:executive\s+|deputy\s+|founding\s+)?(?:director|chair(?:man|woman|person)?"
    r"|president|founder|coordinator|spokes(?:person|man|woman))",
    re.IGNORECASE,
)
_OFFERED_RE = re.compile(
    r"\b(?:you|your|below|following|like\s+this|sample|model|template|suggested|example|script)\b"
    r"[^.:]*:\s*$",
    re.IGNORECASE,
)


_MEMBERS_RE = re.compile(
    r"^\*?\s*(?:the\s+)?(?:experts|signatories|members|speakers|panel)\s*:\s*(?P<list>.+)$",
    re.IGNORECASE | re.MULTILINE,
)


_TITLES = frozenset({"ms", "mr", "mrs", "dr", "prof", "the", "a", "an"})

# The titles of UN mandate-holders, as a release names them after the person
_MANDATE_TITLE_RE = re.compile(
    r"^(?:the\s+)?(?:un\s+|united\s+nations\s+)?(?:special\s+rapporteur|independent\s+expert"
    r"|special\s+representative|chair(?:person|man|woman)?\s+of\s+the\s+(?:committee"
    r"|working\s+group|commission))\b"
)


_INTRODUCED_RE = re.compile(
    r"(?P<org>\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})(?:[’']s)?\s+"
    r"(?:spokes(?:person|man|woman)|director|head|chief|coordinator|researcher|campaigner"
    r"|representative|adviser|advisor|chair(?:man|woman|person)?|president|founder)\s+"
    r"(?P<person>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})"
)


# A title with no body named is the speaker's own: "spokesperson Lina Moro", "executive
# director Ana Ruiz", "board chair Daniel Park" (a board is the organisation's)
BARE_TITLE_RE = re.compile(
    r"^(?:the\s+)?(?:(?:executive|deputy|managing|founding|advocacy|campaigns?|research|legal"
    r"|policy|communications|media|senior|programme|program)\s+)?(?:spokes(?:person|man|woman)"
    r"|director|coordinator|researcher|campaigner|representative)\s+(?=[a-z])"
    r"|^(?:the\s+)?(?:board|founding)\s+(?:chair(?:man|woman|person)?|president|secretary)\s+"
    r"(?=[a-z])"
)


_CONVENER_RE = re.compile(
    r"\b(?:which|that|who)\s+(?:\w+\s+)?(?:convened|issued|coordinated|organi[sz]ed|drafted"
    r"|initiated|led|signed)\s+(?:the|this)\s+(?:joint\s+)?(?:statement|letter|appeal|petition"
    r"|release|call)\b|\b(?:a|one)\s+(?:[\w-]+\s+){0,2}?(?:member\s+of\s+the\s+(?:coalition"
    r"|network|alliance|signatories|group)|signatory|of\s+the\s+signatories)\b",
    re.IGNORECASE,
)


PRONOUN_WHO = frozenset({"he", "she", "they", "it", "we"})


def normal_name(np: str) -> str:
    np = re.sub(r"\([^)]*\)|[*\[\]]", " ", np)
    np = re.sub(r"\s+", " ", np).strip(" ,.:;").lower()
    return re.sub(r"^(?:ms|mr|mrs|dr|prof)\.?\s+", "", np)


def add_people(voice: Speaker, text: str) -> None:
    """The speaker's people: quoted with a title that ties them to it, or listed as its own
    ("*The experts: Jane Doe, Special Rapporteur on ...; John Roe, ...")."""
    members = set()
    offices = []  # "special rapporteur on torture and other cruel ...": their titles
    for m in _MEMBERS_RE.finditer(text):
        for item in re.split(r";", m.group("list")):
            name = re.match(r"\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})", item)
            if name:
                members.add(normal_name(name.group(1)))
                offices.append(normal_name(item[name.end() :]))
    # people, not bodies ("Working Group on Arbitrary Detention")
    members = {
        m for m in members if not _ORG_HEAD_RE.search(m.title()) and m.split()[-1] not in SELF_HEADS
    }
    voice.names |= {m for m in members if voice.names}
    voice.names |= {m.split()[-1] for m in members if voice.names} - _TITLES
    if voice.names:
        # "UNHCR spokesperson Ana Farrell said ...": a person introduced by the
        # speaker's name and a title anywhere in the text
        for m in _INTRODUCED_RE.finditer(text):
            if voice.is_own(m.group("org")):
                person = normal_name(m.group("person"))
                voice.names |= {person, person.split()[0], person.split()[-1]} - _TITLES
    for quote in voice.quotes:
        convener = not voice.report and bool(_CONVENER_RE.search(quote.title or ""))
        if not quote.who or not (voice.names or convener):
            continue
        title = normal_name(quote.title)
        who = normal_name(quote.who)
        tied = any(name in title for name in voice.names if len(name) > 2) or any(
            name in who for name in voice.names if len(name) > 2
        )
        # "Border Light's advocacy director", of Border Light International: the name
        # shortened to its first words, as a release calls itself after its lead
        tied = tied or any(
            re.search(rf"\b{re.escape(short)}[’']s\b", title) for short in _short_names(voice.names)
        )
        tied = tied or normal_name(quote.who) in members
        # "said the Special Rapporteur on trafficking in persons": a member named by
        # the office the list gives them
        office = re.sub(r"^the\s+", "", who)
        tied = tied or (len(office) > 8 and any(o.startswith(office) for o in offices))
        # "of the network, which convened the statement", "a member of the coalition":
        # the document is theirs
        tied = tied or convener
        # "said spokesperson Lina Moro": a title with no other body named is the speaker's
        tied = tied or bool(BARE_TITLE_RE.match(who) and " of " not in who)
        # "said Ana Ruiz, the Special Rapporteur on ...", in a release whose voice is "a UN
        # expert": a UN release speaks through the mandate-holder it is about
        mandate = _speaks_as_expert(voice) and bool(_MANDATE_TITLE_RE.match(title))
        if mandate:
            voice.heads |= {"rapporteur", "expert"}  # "The Special Rapporteur noted ..."
        tied = tied or mandate
        # "the coalition's advocacy director", "its spokesperson"
        owners = {re.sub(r"[’']s$", "", word) for word in title.split()[:4]}
        if tied or (title.startswith("its ") or bool(owners & voice.heads)):
            person = re.sub(r",.*$", "", who)
            person = BARE_TITLE_RE.sub("", person)
            voice.names.add(person)
            # "CNNR secretary-general Oh Min-seo": the person after their title
            titled = _TITLED_PERSON_RE.match(person)
            if titled:
                person = titled.group("person")
                voice.names.add(person)
            # "Park said", "Ambrose added": family names come first or last
            voice.names |= {person.split()[0], person.split()[-1]} - _TITLES


def _speaks_as_expert(voice: Speaker) -> bool:
    """Whether the text's voice is a UN expert or experts ("A UN human rights expert today
    urged ...", "UN experts call on ...")."""
    return any(re.search(r"\bexperts?\b|\brapporteurs?\b", name) for name in voice.names)


def _short_names(names: set[str]) -> set[str]:
    """ "border light" for "border light international": a name of three words or more
    without its last ones."""
    shorts = set()
    for name in names:
        words = re.sub(r"^the\s+", "", name).split()
        if len(words) >= 3:
            shorts.add(" ".join(words[:2]))
    return shorts


def own_quote(voice: Speaker, quote: Quote, text: str) -> Quote:
    who = quote.who
    own = False
    if who and normal_name(who) in PRONOUN_WHO:
        own = normal_name(who) == "we" or voice.is_own(_last_person(voice, quote))
    elif who:
        own = voice.is_own(who)
        if not own and voice.names and not voice.report:
            # '"..." — Park Ye-jin, Director': a title with no organisation after it, in
            # a text one organisation publishes, is that organisation's
            own = bool(_BARE_OFFICE_TITLE_RE.fullmatch((quote.title or "").strip(" ,.")))
    else:
        # unattributed text offered to the reader: a model letter, words to use
        # ("You could say something like this: '...'"), not "The banner read: '...'"
        intro = text[max(0, quote.start - 300) : quote.start]
        offered = intro.rstrip().endswith(":") and bool(_OFFERED_RE.search(intro))
        own = offered or bool(re.match(r"[“\"]\s*Dear\b", text[quote.start : quote.start + 8]))
    return Quote(quote.start, quote.end, who, quote.title, own)


def _last_person(voice: Speaker, quote: Quote) -> str | None:
    earlier = [q.who for q in voice.quotes if q.end <= quote.start and q.who]
    earlier = [w for w in earlier if normal_name(w) not in PRONOUN_WHO]
    return earlier[-1] if earlier else None
