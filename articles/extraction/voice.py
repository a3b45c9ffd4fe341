"""Voice: whose demand a clause is.

Only the document's own voice makes calls to action. A demand put in someone
else's mouth is reported, not made:

* a reporting verb before it: "Activists say that China must stop ...",
  "The committee recommended that China stop ...";
* an attribution after it: "The government has to decide by Friday,
  officials said.";
* an open quotation: "“China must stop,” the activist said.";
* a legal frame: "Under the convention, states must not return refugees" is
  what the law says, not what the author asks (in its own clause only: "...
  under our Constitution, and you should let them come home" asks);
* someone's view, message or words as a frame: "In the ministry's view, ...",
  "The envoy's message was blunt: ...", "The placard read: ..." (but "In our
  view" and "Our message is clear:" are the author's).

A reporting verb right after "we" or "I" is the author's own ("We believe
that Beijing must change course"), and after "you" the reader's ("If you
agree, please add your name"); a new main clause after one ("The public has
a right to know, and the Office should publish ...") is not its content.

**Who speaks for the document.** An editorial says "we"; an organisation's
press release speaks of itself in the third person ("Korea Refuge Watch urges
the Chinese authorities to ...", "..., the organisation said.") and through
its own people's quotes ("'Beijing must stop ...,' said Jane Doe, the group's
director."); a resolution's paragraphs have no subject at all ("2. Urges the
Government of ..."). :func:`find_voice` finds the document's speaker from the
evidence such texts carry:

* a present-tense demand with a named subject ("X urges", "X is calling on"):
  an organisation speaks so of itself, while reports put others' demands in
  the past ("X urged");
* the lead: "X said today", "X today voiced alarm ... and urged ...", or the
  demand first and its issuer after it ("China must stop the returns at once,
  UN experts said today, warning ...": then "the experts urged ..." is theirs);
* the page: X named alone in the first lines (the publisher's header), in
  "Statement by X", "Posted by X", "Started by: X", or in the notes at the end
  ("X is an independent organisation ...");
* repeated attributions ("X said") add a little;
* the lead dated "today" ("UN experts today urged ..."), a present-tense ask in
  the first prose sentences ("UNHCR calls on ..."), a name in the header or
  above "Press release", "<X> spokesperson <Name>": each says who issues the text;
* a spokesperson's office speaks for whom it is the spokesperson of ("Briefing
  by the Office of the Spokesperson for the Secretary-General": "The
  Secretary-General ... He calls on ..." is the text's own);
* what the speaker calls itself ("UNHCR, the UN Refugee Agency, ...": "the
  agency"), its acronym ("Freedom Crossing International (FCI)"), and the
  collective nouns of organisations ("the coalition", "the groups", "the
  charity").

People speak for it when quoted with a title that ties them to it, listed at
the foot, or of the organisation that convened the statement (see
:mod:`.people`); a bare title in a text one organisation publishes ('"..." —
Park Ye-jin, Director') is that organisation's. A quotation over several
paragraphs is its last paragraph's speaker's.

Writers who say "We, the undersigned organisations" speak of themselves in a
headline as "Nineteen organisations ask ..."; a release that shortens its name
("Border Light" for Border Light International) ties its director to it by the
short name ("Border Light's advocacy director"). A verb in a relative clause
("Readers who feel as I do can write ...") frames nobody's words, and neither
does a resolution's own opening verb ("Believes that the EU should ...").

A speaker only ever described ("A coalition of rights groups today urged ...")
is how a report speaks of others as often as how a release speaks of itself:
its third-person demands stay below the approval score.

What the speaker and its people (:mod:`.people`) say, quoted or not, is the
document's own voice; what anyone else says is reported.

A news report has no third-person voice of its own: a wire dateline
("(Reuters) -"), a staff reporter's byline, a news photo's agency credit
("/ Yonhap"), "told reporters", or asking the other side ("declined to
comment", "did not respond to a request for comment", unless the header says
the text is a release: an organisation that asked the police writes that too)
mark it, and then none of the demands it reports is its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from articles.extraction.actors import ORG_HEAD_RE as _ORG_HEAD_RE
from articles.extraction.actors import organisation_names
from articles.extraction.clauses import CONNECTIVES_RE, NOUN_BEFORE_RE, OPERATIVE_RE
from articles.extraction.people import (
    BARE_TITLE_RE,
    PERSON_TITLE_RE,
    PRONOUN_WHO,
    SELF_HEADS,
    add_people,
    normal_name,
    own_quote,
)
from articles.extraction.quotes import Quote, attribute, headline_quotes, quote_spans
from articles.extraction.sentences import word_set

REPORT_RE = re.compile(
    r"\b(?:says?|said|saying|claims?|claimed|claiming|insists|insisted|argues|argued"
    r"|maintains|maintained|states\s+that|stated|declared?|declares|announced?|announces"
    r"|demands|demanded|demanding|urges|urged|urging|call(?:s|ed|ing)?\s+(?:on|upon|for)"
    r"|recommends|recommended|recommending|requests|requested|requesting|asked|asks|asking"
    r"|told|tells|warns|warned|warning|according\s+to|stance|position\s+(?:is\s+)?that"
    r"|resolution|petition|statement|believes|thinks|hopes|wants|wished|wishes|expects"
    r"|reportedly|pledged|vowed|promised|emphasi[sz](?:es|ed|ing)|stress(?:es|ed|ing)"
    r"|quoted|noted|noting|added|adding|say|argue|insist|claim|think|believe|suggests?"
    r"|suggested|recommend|warn|conclude[sd]?|contends?|contended|fears?|feared"
    r"|predicts?|predicted|knows?|thought|felt|feels?|reckons?|agreed?|agrees|put\s+it"
    r"|in\s+the\s+words\s+of|wrote|writes"
    # someone's view or message as a frame: "In the ministry's view, ...", "The
    # ambassador's message was clear: ...", "The banner read: ..."
    r"|in\s+(?!our\b|my\b)(?:the\s+)?(?:[\w’'.-]+\s+){0,3}?(?:view|opinion|eyes|estimation"
    r"|judge?ment)(?=\s*,)"
    r"|[’']s\s+(?:[\w-]+\s+)?(?:message|answer|line|argument|reply|response|advice|verdict"
    r"|instruction|demand|slogan|point)\b"
    r"|(?:banner|sign|placard|slogan|poster|letter|message|text|headline)s?\s+(?:\w+\s+){0,3}?"
    r"reads?(?=\s*:|\s*$))\b",
    re.IGNORECASE,
)
_FIRST_PERSON_RE = re.compile(r"\b(?:we|i|this\s+(?:newspaper|paper|page|editorial))\b", re.I)

LEGAL_RE = re.compile(
    r"\b(?:under|according\s+to|in\s+accordance\s+with|pursuant\s+to)\s+(?:the\s+|its\s+|their\s+"
    r"|international\s+)?(?:[\w.’'-]+\s+){0,4}?(?:law|laws|convention|treaty|protocol|constitution"
    r"|article|charter|covenant|agreement|rules?)\b",
    re.IGNORECASE,
)
LEGAL_SUBJECT_RE = re.compile(
    r"^(?:the\s+)?(?:contracting\s+)?(?:states|parties|signatories|signatory\s+states"
    r"|no\s+(?:state|one|party))$",
    re.IGNORECASE,
)


# "..., officials said." / "..., according to the ministry." at the end
TRAILING_ATTRIBUTION_RE = re.compile(
    r",\s*(?:(?:[\w’'.-]+\s+){0,5}(?:said|says|say|told\s+\w+|tells?\s+\w+|added|noted|argued"
    r"|insisted|warned|warns?|claimed|stated|explained|wrote|urges?|urged|demands?|demanded"
    r"|pleads?|pleaded)|according\s+to\b[^,]*)[\s.!”\"]*$",
    re.IGNORECASE,
)


# "..., said Kim Ha-na, a lawmaker of the opposition party.": the verb first
INVERTED_ATTRIBUTION_RE = re.compile(
    r",\s*(?:said|says|added|argued|insisted|warned|wrote|noted|stated|explained|urged)\s+"
    r"(?P<who>(?:the\s+)?[A-Z][^,.;“”\"]{1,60}?)(?:,\s*(?P<title>[^.;“”\"]{2,160}))?[\s.!”\"]*$"
)


# Someone else's message, answer or line before a colon makes what follows theirs
_FRAMES_RE = re.compile(
    r"[’']s\s+(?:[\w-]+\s+)?(?:message|answer|line|argument|reply|response|advice|verdict"
    r"|instruction|demand|slogan|point|view|position)\b"
    r"|^\s*for\s+[^,]{2,60},\s+the\s+(?:answer|message|line|position|view|verdict|conclusion)\b"
    r"|\b(?:banner|sign|placard|slogan|poster|letter|text|headline)s?\s+(?:\w+\s+){0,4}?reads?\s*$",
    re.IGNORECASE,
)


# A coordinated main clause, with no "that" to make it a second complement
_NEW_CLAUSE_RE = re.compile(r",\s+(?:and|but|so|yet)\s+(?!.*\bthat\b)", re.DOTALL)
_ASKING = r"(?i:urg|call|demand|ask|request|recommend|appeal|warn|insist)|[A-Z]"


def own_clause(prefix: str) -> str:
    """The part of ``prefix`` after the last ';' (or ':' not introducing speech)."""
    cut = prefix.rfind(";")
    colon = prefix.rfind(":")
    if colon > cut:
        before = prefix[max(0, colon - 40) : colon]
        last = " ".join(before.split()[-3:])
        clause = prefix[cut + 1 : colon]
        # "As one activist put it: ...", "In the words of the minister: ...", "The
        # ambassador's message was clear: ..."
        framed = _FRAMES_RE.search(clause) and not re.search(r"\b(?:our|my)\b", clause, re.I)
        said = REPORT_RE.search(last) or re.search(r"\bput\s+it|\bwords\s+of\b", last)
        if not (said or framed):
            cut = colon
    return prefix[cut + 1 :] if cut >= 0 else prefix


# ---------------------------------------------------------------------------
# The speaker
# ---------------------------------------------------------------------------

_DEMAND_PRESENT = (
    r"urges|urge|calls\s+(?:on|upon|for)|call\s+(?:on|upon|for)|appeals\s+to|appeal\s+to"
    r"|(?:is|are)\s+(?:calling|appealing|asking|urging)\b|asks|requests|demands|recommends"
    r"|recommend|request|demand|encourages|encourage|invites|invite"
    r"|reiterates?\s+(?:its|their)\s+call"
)
_DEMAND_PAST = r"urged|called\s+(?:on|upon|for)|appealed\s+to|asked|requested|demanded|recommended"
_DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Za-z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+){0,2}"
    # "LONDON, 4 May 2025 -", "SEOUL, Oct. 21 -": a date after the place
    r"(?:,?\s+(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?)?"
    r"\s*(?:\([^)]{1,40}\))?\s*[–—-]+\s+)"
)
_SUBJECT_RE = re.compile(
    rf"^(?:(?:on|in|at|for|today|this|last|with)\b[^,]{{0,80}},\s+)?(?P<np>[^,;:“”\"]{{2,90}}?)"
    rf"(?:\s*\([^)]{{1,60}}\))?(?:,\s+[^,]{{1,100}},)?\s+(?:(?:also|today|further|again|therefore"
    rf"|once\s+again|now|\w+ly)\s+)*(?:(?P<present>{_DEMAND_PRESENT})|(?P<past>{_DEMAND_PAST})"
    rf"|(?P<said>said|says|today\s+\w+ed|\w+ed\b[^.]{{0,200}}\band\s+(?:{_DEMAND_PAST})))\b",
)
_VOICE_VERB_RE = re.compile(
    r"\b(?:urg|call|appeal|ask|request|demand|recommend|encourag|invit|reiterat|said|says"
    r"|today)|ed\b",
    re.IGNORECASE,
)
_BY_LINE_RE = re.compile(
    r"^(?:[\w-]+\s+){0,3}?(?i:(?:joint\s+)?statement|remarks|press\s+release|speech|address"
    r"|letter|briefing)\s+(?i:by|of|from)\s+(?P<by>(?:the\s+)?[A-Z][^,:;\n]{2,100})"
    r"|^(?:[\w-]+\s+){0,2}?(?i:started|posted|published|issued|written|signed|organi[sz]ed)"
    r"\s+(?:[\w-]+\s+){0,5}?(?i:by):?\s+(?P<by2>(?:the\s+)?[A-Z][^,;\n]{2,80}?)"
    r"(?:,|\s+on\b|\s+\d|$)"
    # a title line "Government Statement on ...", not a sentence "This statement sets out ..."
    r"|^(?P<by3>(?!(?:This|That|The|A|An|In|Our|Its|Their)\b)[A-Z][\w’' -]{2,60}?)\s+[Ss]tatement"
    r"\b[^.\n]*$",
    re.MULTILINE,
)
_ABOUT_RE = re.compile(
    r"^(?:\d+\.\s+|-\s+|about\s+)?(?P<name>[A-Z][^,.;:\n]{2,80}?)\s+(?:is|are)\s+(?:an?|the)\s+"
    r"(?:[\w’'-]+\s+){0,6}?(?:organi[sz]ation|charity|group|network|NGO|foundation|agency|trust"
    r"|coalition|alliance|association|institute|centre|center|movement|campaign|body|experts?)\b",
    re.MULTILINE,
)
_NEWS_RE = re.compile(
    r"\((?:Reuters|AP|AFP|Yonhap|dpa|UPI|Kyodo|Xinhua|Bloomberg)\)|\b(?:Reporting|Editing)\s+by\b"
    # a wire's dateline names its agency: "SEOUL, April 3 (Korea Wire) -"
    r"|^[A-Z][A-Z .'-]{2,30},?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)"
    r"\s*\([A-Z][\w .&-]{1,30}\)\s*[–—-]"
    # a news photo's agency credit, a story's update stamp
    r"|/\s*(?:Newsis|Yonhap|News1|AP|AFP|Reuters|EPA|Getty\s+Images)\s*$"
    r"|\bUpdated\s+\d{4}-\d{2}-\d{2}\b"
    r"|(?i:\bstaff\s+(?:writer|reporter)\b|\bcorrespondent\b|\btold\s+(?:reporters|journalists)\b)",
    re.MULTILINE,
)
# A reporter asking the other side: "declined to comment", "did not respond to a request
# for comment". A report's sign, unless the text's header says it is an organisation's
# release: an organisation that asked the police too writes the same words.
_NO_COMMENT_RE = re.compile(
    r"(?i:\bdeclined\s+to\s+(?:comment|say|confirm|discuss|answer)\b"
    r"|\b(?:did\s+not|didn[’']t)\s+(?:immediately\s+)?respond\s+to\s+a\s+request\s+for\s+comment"
    r"|\bcould\s+not\s+(?:immediately\s+)?be\s+reached\s+for\s+comment)",
    re.MULTILINE,
)
_SIGNATORIES_RE = re.compile(
    r"\bundersigned\b|^the\s+(?:[\w-]+\s+){0,3}(?:organi[sz]ations|groups|signatories|members)"
    r"\s+(?:listed|named|signed)\s+below\b"
)
# "We, the undersigned civil society organisations, ...", "We, the 40 scholars named below"
_WE_THE_RE = re.compile(
    r"\b[Ww]e,?\s+the\s+(?:undersigned\s+)?(?:[\w-]+\s+){0,4}?(?P<head>organi[sz]ations|groups"
    r"|NGOs|charities|scholars|academics|experts|families|signatories|lawmakers|parliamentarians"
    r"|survivors|escapees|churches)\b"
)
_STATE_ISSUER_RE = re.compile(
    r"\b(?:ministry|government|office\s+of\s+the\s+president|cabinet\s+office)\b", re.I
)
_ENDS_RE = re.compile(r"[.!?][\"'”’)]*$")
# A state's body does not speak of itself as "the groups": those are others
_STATE_BODY_RE = re.compile(
    r"\b(?:ministry|government|parliament|assembly|senate|embassy|spokesperson|secretary"
    r"|cabinet|office\s+of)\b"
)
_COLLECTIVE_HEADS = word_set(
    """
    organisation organization group signatories coalition organisations organizations groups
    ngos alliance network charity ngo
    """
)
_NOT_A_SUBJECT_RE = re.compile(
    r"(?:despite|after|before|following|since|although|though|while|as|because|given|unlike"
    r"|like|amid|over|under|of|from|by|in|on|at|with|without|to|for|if|when)\b",
    re.IGNORECASE,
)
_ORG_SPOKESPERSON_RE = re.compile(
    r"\b(?P<org>[A-Z][A-Za-z]{1,10}|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,4})\s+"
    r"(?:spokes(?:person|man|woman))\s+[A-Z][a-z]"
)
_WH_RE = re.compile(r"\b(?:what|which|who|whom|how|where|when|whether)\b", re.IGNORECASE)
_TODAY_RE = re.compile(r"\btoday\b", re.IGNORECASE)
_LEAD_SAID_RE = re.compile(
    r",\s+(?P<np>(?:the\s+)?[A-Z][^,;:“”\"]{1,60}?)\s+(?:said|say|says)\s+today\b"
)
# A headline's topic before a colon: "China: UN experts alarmed ..., call for a halt"
_TOPIC_RE = re.compile(r"^[A-Z][\w’' ]{1,30}:\s+(?=[A-Z])")
# Header lines that say the text is issued by an organisation
_ISSUED_RE = re.compile(
    r"\b(?:press|news|media)\s+release\b|\bstatement\b|\baction\s+alert\b"
    r"|\burgent\s+action\b|\bfor\s+immediate\s+release\b",
    re.IGNORECASE,
)


# A clause, not a name: "Welcomes the efforts of ... to resettle", "It is regrettable that"
_NOT_A_NAME_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|that|to|welcomes|notes|recalls|regrets"
    r"|expresses|reaffirms)\b|^(?:\S+\s+){9}"
)


def _is_proper(np: str) -> bool:
    """A noun phrase with a name in it: "UN experts", "Korea Refuge Watch", not "A
    coalition of rights groups" or "Fifteen organisations" (capitalised to start a
    sentence)."""
    words = re.findall(r"[\w’'-]+", np)
    if not words:
        return False
    first = words[0]
    if len(first) > 1 and first.isupper():
        return True
    return any(w[:1].isupper() for w in words[1:])


def _is_a_name(line: str) -> bool:
    """An organisation's name and nothing else: "Hanul Refugee Support Center",
    "ASIA REFUGEE RIGHTS FORUM"; not "Press release" or a headline."""
    line = re.sub(r"\s*\([^)]*\)\s*$", "", line.strip())
    if _ISSUED_RE.search(line):
        return False
    if line.isupper():
        line = line.title()
    return any(start == 0 and end == len(line) for start, end in organisation_names(line))


_OTHERS_QUANTIFIERS = frozenset(
    {"some", "other", "several", "many", "a", "an", "various", "certain"}
)


@dataclass
class Voice:
    names: set[str] = field(default_factory=set)  # lower-case names of the speaker and its people
    heads: set[str] = field(default_factory=set)  # "organisation", "experts", ...
    quotes: list[Quote] = field(default_factory=list)
    report: bool = False  # a news report: nobody in the third person speaks for it
    evidence: float = 0.0  # how much the text says who its third-person speaker is
    generic: bool = False  # the speaker is only ever described ("a coalition of groups")
    # what the writers of a "we" text call themselves: "We, the undersigned organisations"
    we_heads: set[str] = field(default_factory=set)
    # a ministry or government issues the text: "the Government" in it is its own voice
    state_body: bool = False

    def is_own(self, who: str | None) -> bool:
        """Whether ``who`` (a subject or an attribution as written) is the document's voice."""
        if not who:
            return False
        w = normal_name(who)
        if w in {"we", "i", "us"}:
            return True
        if self.report:
            return False
        if _SIGNATORIES_RE.search(w):
            return True  # "the eleven organisations listed below", "the undersigned"
        if self.state_body and re.match(r"(?:the\s+)?government\b", w):
            return True  # a ministry's statement: "The Government ... urges China to ..."
        if w.split()[-1:] and w.split()[-1] in self.we_heads and len(w.split()) <= 5:
            return True  # "Nine organisations ask ...", by "We, the undersigned organisations"
        if not self.names:
            return False
        w = re.sub(r"^the\s+", "", w)
        if w in self.names or "the " + w in self.names:
            return True
        if BARE_TITLE_RE.match(w) and BARE_TITLE_RE.sub("", w) in self.names:
            return True  # "spokesperson Lina Moro"
        words = w.split()
        if words and words[0] in _OTHERS_QUANTIFIERS:
            return False  # "some civic groups", "other organisations": not the speaker
        if words and words[-1] in self.heads and len(words) <= 4:
            return True  # "the organisation", "the experts", "the eleven organisations"
        # "Korea Refuge Watch, which ...", "UN human rights experts*": the name and
        # what follows it, but not "Korea Refuge Watch's partners"
        for name in self.names:
            bare = re.sub(r"^the\s+", "", name)
            if len(bare) > 3 and w.startswith(bare) and not re.match(r"[’']s\b", w[len(bare) :]):
                return not PERSON_TITLE_RE.search(w[len(bare) :])
            # "Freedom Crossing" for "Freedom Crossing USA": a short form of the name
            if len(w.split()) >= 2 and bare.startswith(w + " "):
                return True
        return False

    def reports(self, prefix: str) -> bool:
        """Whether ``prefix`` puts what follows in someone else's mouth ("X says that")."""
        if _FRAMES_RE.search(prefix) and not re.search(r"\b(?:our|my)\b", prefix, re.I):
            return True  # "For Beijing's envoys, the answer is simple: ..."
        operative = OPERATIVE_RE.match(prefix)
        for m in REPORT_RE.finditer(prefix):
            if m.group()[:1].isupper() and prefix[: m.start()].strip():
                continue  # "Member States that ...": a name, not "states that"
            if re.match(r"[a-z]+s\b", m.group()) and NOUN_BEFORE_RE.search(
                prefix[max(0, m.start() - 12) : m.start()]
            ):
                continue  # "Diplomats from states that ...": a noun after a preposition
            if _NEW_CLAUSE_RE.search(prefix, m.end()) and not re.match(_ASKING, m.group()):
                # "The public has a right to know, and the Office should ...": a new
                # main clause, not what was known or said (a demand's runs on)
                continue
            if operative and operative.start("verb") == m.start():
                continue  # "Believes that the EU should ...": the resolution's own words
            opening = CONNECTIVES_RE.sub("", prefix[: m.start()].strip(" ,"))
            if not opening.strip(" ,") and re.match(r"[a-z]+s\b", m.group()):
                continue  # "Second, states that resettle refugees should": a noun, no subject
            if re.search(r"\b(?:are|is)\s+(?:\w+ly\s+)?$", prefix[: m.start()]) and re.match(
                r"\s+to\s", prefix[m.end() :]
            ):
                continue  # "States are urged to ...": a demand in the passive, not a report
            before = prefix[max(0, m.start() - 120) : m.start()]
            words = before.split()[-4:]
            if _FIRST_PERSON_RE.search(" ".join(words)) or re.search(r"\byou\s+$", before, re.I):
                continue  # "We believe that ...", the reader's "If you agree, please ..."
            if re.search(r"\b(?:our|my)\s*$", before, re.IGNORECASE):
                continue  # "if you have not signed our petition, ...": our own text
            relative = re.search(r"\b(?:who|which)\s+(?:\w+\s+)?$", before, re.IGNORECASE)
            if relative and not re.search(r"\bthat\b", prefix[m.end() :], re.IGNORECASE):
                continue  # "Readers who feel as I do can write ...": a relative clause
            piece = re.split(r"[,;:(—–]|\band\s+|\bbut\s+", before)[-1]
            piece = re.sub(r"(?:\s+(?:also|again|has|have|had|\w+ly))+\s*$", "", piece)
            if piece.strip() and self.is_own(piece):
                continue  # "Korea Refuge Watch said the government should ..."
            return True
        return False

    def attributed_to_other(self, sentence: str, after: int) -> bool:
        """A trailing attribution to someone else: "..., officials said.", "..., said
        Kim Ha-na, a lawmaker of the opposition."."""
        inverted = INVERTED_ATTRIBUTION_RE.search(sentence, max(after, len(sentence) - 250))
        if inverted:
            title = (inverted.group("title") or "").lower()
            tied = any(name in title for name in self.names if len(name) > 3)
            return not (tied or self.is_own(inverted.group("who")))
        m = TRAILING_ATTRIBUTION_RE.search(sentence, max(after, len(sentence) - 200))
        if not m:
            return False
        who = re.sub(
            r"\s+(?:said|says|say|told\s+\w+|tells?\s+\w+|added|noted|argued|insisted|warned"
            r"|warns?|claimed|stated|explained|wrote|urges?|urged|demands?|demanded|pleads?"
            r"|pleaded)\b.*$",
            "",
            m.group().strip(" ,"),
            flags=re.IGNORECASE | re.DOTALL,
        )
        return not self.is_own(who)

    def quote_at(self, pos: int) -> Quote | None:
        for quote in self.quotes:
            if quote.start < pos < quote.end:
                return quote
        return None


_SUBJECT_END_RE = re.compile(
    r"\s(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|do|does|did"
    r"|today|also|further|again|therefore|then|now|\w+ly|\w+ed"
    r"|(?i:said|says|told|urges|calls|appeals|asks|requests|demands|recommends|notes|adds"
    r"|welcomes|expresses|remains|stands|believes|considers|encourages|invites|reiterates"
    r"|stresses|underlines|condemns))\b"
)


def leading_subject(sentence: str) -> str:
    """The noun phrase a sentence opens with: "The experts" in "The experts said ..."."""
    body = _TOPIC_RE.sub("", _DATELINE_RE.sub("", sentence.lstrip("\"“'‘(")))
    body = re.sub(r"^(?:on|in|at|for|with|after|since|last|this)\b[^,]{0,60},\s+", "", body)
    end = _SUBJECT_END_RE.search(body, 1)
    return body[: end.start() if end else 60][:90].strip(" ,")


def find_voice(doc) -> Voice:
    """Who speaks for the document (see the module notes)."""
    text = doc.text
    issued = any(
        _ISSUED_RE.search(sentence.text)
        for sentence in doc.sentences[: doc.layout.header_end + 1]
    )
    voice = Voice(
        report=bool(_NEWS_RE.search(text)) or (bool(_NO_COMMENT_RE.search(text)) and not issued)
    )
    scores: dict[str, float] = {}

    proper: set[str] = set()

    def add(name: str | None, points: float) -> None:
        if not name:
            return
        key = normal_name(name)
        if 2 <= len(key) <= 90 and key not in {"we", "i", "it", "they", "he", "she"}:
            scores[key] = scores.get(key, 0.0) + points
            if _is_proper(name):
                proper.add(key)

    sentences = doc.sentences
    prose = doc.layout.header_end if doc.layout else 0
    for i, sentence in enumerate(sentences):
        if not _VOICE_VERB_RE.search(sentence.text):
            continue  # the subject rule below needs one of these verbs
        body = _TOPIC_RE.sub("", _DATELINE_RE.sub("", sentence.text))
        m = _SUBJECT_RE.match(body)
        if not m:
            continue
        np = m.group("np")
        if OPERATIVE_RE.match(np):
            continue  # "Deplores X and calls on Y": a resolution's paragraph has no subject
        if PRONOUN_WHO & {np.lower()} or _NOT_A_SUBJECT_RE.match(np) or _WH_RE.search(np):
            continue  # "Despite repeated requests by ...": "requests" is a noun there
        # The lead of a release says who issues it, dated "today": "X today urged ...",
        # "X said today". A report's lead would too, but a report has no voice at all.
        lead = i <= prose + 1 and bool(_TODAY_RE.search(sentence.text))
        if m.group("present"):
            # "UNHCR calls on the authorities to ..." near the top: the issuer's own ask
            add(np, 3.0 if lead or i <= prose + 2 else 2.0)
        elif lead:
            add(np, 3.0)
        elif m.group("said") or m.group("past"):
            add(np, 0.5)
    # "China must stop the returns, UN experts said today": the lead's demand, with
    # its issuer named after it; a report's lead reads so too, but a report has no voice
    for sentence in sentences[prose : prose + 2]:
        said = _LEAD_SAID_RE.search(sentence.text)
        if said and not _NOT_A_SUBJECT_RE.match(said.group("np")):
            add(said.group("np"), 3.0)
    for m in _BY_LINE_RE.finditer(text):
        by = m.group("by") or m.group("by2") or m.group("by3")
        # "Statement by the Ministry of Foreign Affairs on the returns": the name only
        add(re.split(r"\s+(?:on|regarding|concerning|about|following|in\s+response)\s", by)[0], 3.0)
    for m in _ABOUT_RE.finditer(text):
        add(m.group("name"), 3.0)
    # "UNHCR spokesperson Mariam Osei" in a release: the organisation speaks through them
    if not voice.report:
        for m in _ORG_SPOKESPERSON_RE.finditer(text):
            add(m.group("org"), 2.0)
    # The publisher's name alone in the first lines; above "Press release" or
    # "Statement" it is the name of who issues the text.
    header = sentences[: doc.layout.header_end if doc.layout else 0]
    issued = any(_ISSUED_RE.search(s.text) for s in header)
    for i in range(min(3, len(header))):
        line = sentences[i].text
        if 1 <= len(line.split()) <= 8 and not re.search(r"[.!?:]$", line):
            add(line.split(",")[0], 3.0 if issued and _is_a_name(line) else 1.0)
    # a name the title or header gives as well ("UNHCR seeks access to ...")
    header_text = " ".join(s.text for s in header).lower()
    # the issuer's name on a line of its own at the top ("Ministry of Unification"), or
    # in the by-line ("Statement by the Ministry of Foreign Affairs")
    issuer_lines = [
        t.text for t in sentences[:3] if len(t.text.split()) <= 8 and not _ENDS_RE.search(t.text)
    ]
    voice.state_body = not voice.report and (
        any(_STATE_ISSUER_RE.search(line) for line in issuer_lines)
        or any(_STATE_ISSUER_RE.search(k) for k, v in scores.items() if v >= 3)
    )
    for key in list(scores):
        if len(key) > 3 and re.search(rf"\b{re.escape(key)}\b", header_text):
            scores[key] += 1.0
    # "the experts said", "the organisation added": the same speaker as the one named
    # with that head noun ("UN human rights experts", "Lantern Trust, a charity")
    for key in [k for k in scores if k.split()[0] in {"the", "its", "our"}]:
        head = key.split()[-1]
        for name in scores:
            if name != key and name.split()[-1] == head:
                scores[name] += scores[key]
    voice.names = {
        name
        for name, score in scores.items()
        if score >= 3.0
        and not re.search(r"\b(?:its|their|his|her|your|my|clicking)\b|\d", name)
        and not _NOT_A_NAME_RE.search(name)
    }
    # "the Office of the Spokesperson for the Secretary-General": a spokesperson speaks
    # for whom they are the spokesperson of, and "He calls on ..." is that one's
    for name in list(voice.names):
        spoken_for = re.search(
            r"\bspokes(?:person|man|woman)\s+(?:for|of)\s+(?:the\s+)?(.+)$", name
        )
        if spoken_for:
            voice.names |= {spoken_for.group(1), "the " + spoken_for.group(1)}
    # "Freedom Crossing International (FCI)": the short name it goes by afterwards
    for name in list(voice.names):
        if len(name) > 3:
            for m in re.finditer(rf"\b{re.escape(name)}\s*\((?P<abbr>[A-Z]{{2,8}})\)", text, re.I):
                voice.names.add(m.group("abbr").lower())
    voice.evidence = max((scores.get(name, 0.0) for name in voice.names), default=0.0)
    # "A coalition of rights groups today urged ...": a speaker never named is how a
    # report speaks of others as often as how a release speaks of itself
    voice.generic = bool(voice.names) and not (voice.names & proper)
    voice.heads = {h for h in SELF_HEADS if any(h in name.split() for name in voice.names)}
    # "UNHCR, the UN Refugee Agency, ...": what the speaker calls itself
    for name in voice.names:
        if len(name) < 3:
            continue
        for m in re.finditer(
            rf"\b{re.escape(name)},\s+(?:the|an?)\s+(?:[\w’'-]+\s+){{0,4}}?(?P<head>[\w-]+),",
            text,
            re.IGNORECASE,
        ):
            if m.group("head").lower() in SELF_HEADS:
                voice.heads.add(m.group("head").lower())
    # "Border Lantern Society" ... "the society"
    voice.heads |= {
        name.split()[-1]
        for name in voice.names
        if len(name.split()) > 1 and _ORG_HEAD_RE.fullmatch(name.split()[-1].title())
    }
    if voice.names and not any(_STATE_BODY_RE.search(name) for name in voice.names):
        # an organisation, or several, speak of themselves with these nouns: "the
        # organisation", "the coalition", "the groups", "the signatories"
        voice.heads |= _COLLECTIVE_HEADS
    voice.we_heads = {m.group("head").lower() for m in _WE_THE_RE.finditer(text)}
    voice.quotes = attribute(text, quote_spans(text, doc.paragraphs), doc.paragraphs)
    voice.quotes += headline_quotes(text)
    add_people(voice, text)
    owned: list = []
    for q in voice.quotes:
        q = own_quote(voice, q, text)
        # "X issued the following statement: / '...' / '...'": a statement given
        # paragraph by paragraph goes on as it began, with nothing between
        if (
            not q.own
            and q.who is None
            and owned
            and owned[-1].own
            and owned[-1].who is None
            and not text[owned[-1].end : q.start].strip(' \n"”“')
        ):
            q = replace(q, own=True)
        owned.append(q)
    voice.quotes = owned
    return voice
