"""Layout: where a sentence stands on the page, and what that says about it.

Texts are pasted from web pages, so besides prose they carry the page's
furniture and its structure. Rules:

* **Navigation and widgets.** A line split by separators into short items
  ("Home › News › Press releases", "Share | Print | Email") or made of widget
  words only ("Share   Print   Email") is furniture. So is a short standalone
  line that names the page's own widgets ("Sign this petition", "Subscribe to
  our newsletter"): a button, not a demand; the same words inside a sentence
  ("Sign this petition, then send it to a friend.") are a call. Short items
  between bars after a sentence on the same line are buttons too ("We use
  cookies. Accept all | Manage settings").
* **Contact lines** ("For media enquiries, contact ...", "Press office: ...")
  ask journalists to get in touch; they are no campaign demand.
* **Cut-off text.** The last sentence of a text that stops without final
  punctuation ("Read our priv") is a fragment of a copy-paste, and lines
  without final punctuation after the last paragraph of prose (tags, links)
  are the page's footer.
* **Lists.** A short line without a stop right over a list ("Pray this
  month" over "- Pray for the women held in Tumen") is its heading, not a
  call of its own. An item ("- Release the detainees;") belongs to the line that
  introduces it ("We recommend that the Government of China:", "Write to the
  minister urging him to:"): the introducer says who the items are for.
* **Letters.** A salutation ("Dear President Xi,", "Your Excellency,") opens a
  letter that runs to its closing ("Yours sincerely,"). Inside it, "you" is
  the person saluted, not the reader; the salutation names them, or, when it
  only gives a title ("Dear Minister", "Dear Mr. President" under "To: The
  President of the Supreme Court of Chile"), the header, address block or instruction
  before it does ("Write to the Minister of Public Security ..."): of several
  address blocks, the one whose "Salutation: Dear Director" the letter repeats,
  by the country it is sent to; failing which a minister is the text's own
  ("Dear Foreign Minister Cho"); a named person of no state ("Dear Ms.
  Whitcombe") is "other". An appeal's suggested points listed under its address
  block ("To: Director, ... Public Security Department, ..., China", then "- Do
  not return them.") are that letter's body, for that recipient, until the next
  block or a heading in capitals; a petition site's line of facts ("Started by
  ... | To: the Ambassador of ... | 2,310 supporters") says whom it is to.
* **Others' sections.** Readers' comments ("3 Comments", "Jane D. says:"),
  signers' reasons and the answer a petition got ("Government response") are
  other people's words; lists of names ("Signatories: ...") ask nothing, nor
  do the lines listed under them, nor the names signed under a letter's
  closing ("Yours sincerely," over "Open Border Fellowship"), nor a
  newsletter's contents ("In this issue: - Meet our new coordinator"), nor a
  name followed by its place in brackets
  ("Harbour Light Fellowship (Canada)"), nor a record's label lines ("Speaker:
  Ms Lee (Chair)", "Venue: Palais des Nations").
* **The page about itself.** The site's name over its navigation line, offers
  of the publisher's own products ("Get our
  columns in your inbox every Friday"), how to reply to the page ("Send your
  letter to letters@...", "Write to us.") and its social media ("Follow us on
  X") are the page's furniture, not the campaign's demands.
* **Prayers.** A paragraph that calls on God ("Lord, ...", "... Amen.") asks
  God, not anyone the campaign can write to.
* **Reporters' questions.** In a transcript of a press conference the lines of
  questions ("Q:", "Reporter:") are the journalists', not the text's.
* **A speaker turning to someone** (see :mod:`.turns`): what follows a turn
  ("To the ambassador in that building: ...", "Distinguished delegates, ...")
  in its paragraph is said to them.
* **Where the text comes from.** A dateline ("LONDON –"), a visit ("on her
  visit to the Republic of Korea"), a header line naming a state, or else the
  country the text keeps naming besides China and North Korea, says whose
  government "the Government" is; a text that names no other country is
  Korean. A newspaper's name in the header ("THE HANGANG HERALD") is no state;
  a legislature's ("House of Councillors, The National Diet of Japan") is.
* **Threads.** A post that ends with its counter ("... (12/12)") is ended as
  by a full stop, even after a link; a post the thread quotes (under a line
  "Quote") is someone else's words; a line of a display name and its
  account ("Open the Gate @OpenTheGate") is the author's, however it reads;
  a counter before a clause ("2/ We urge ...") is no part of it. An appeal's
  address lines ("Send to: ...", "Salutation: ...") ask nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from articles.extraction.actors import find_actors, organisation_names
from articles.extraction.sentences import Doc, word_set
from articles.extraction.turns import find_addresses, named_or_head_of_state

_SEPARATORS_RE = re.compile(r"\s+[|›»>·•/]\s+|\s*\|\s*|\s{3,}")
_WIDGET_WORDS = word_set(
    """
    share print email e-mail tweet facebook twitter x whatsapp linkedin telegram kakaotalk
    copy link save pdf download this page article story post on via comments comment
    reddit bluesky threads instagram youtube rss more
    """
)
_TERMINAL_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
_POST_COUNTER_RE = re.compile(r"\s*\(\d{1,3}/\d{1,3}\)\s*$")
# A standalone button or link names the page's own furniture as its object.
_WIDGET_OBJECT_RE = re.compile(
    r"^(?:please\s+)?[A-Za-z]+\s+(?:(?:up|in|out)\s+)?(?:(?:to|for|on)\s+)?(?:this|our|the)\s+"
    r"(?:petition|page|article|story|post|site|website|newsletter|mailing\s+list|form"
    r"|button|campaign|link|list|updates?)\b"
    r"|^(?:act|donate|sign|join|give|learn|read|find\s+out|see|view|show|click|tap|go)"
    r"(?:\s+(?:now|here|more|today|us|all|below|back))+$"
    r"|^(?:read|see|view|download|watch|listen\s+to|explore|get)\b",
    re.IGNORECASE,
)
_CONTACT_RE = re.compile(
    r"^(?:for\s+(?:more\s+|further\s+)?(?:information|media|press|inquiries|enquiries|interviews"
    r"|details|comment|questions)\b|(?:media|press)\s+(?:contact|enquiries|inquiries|office)\b"
    r"|contact\s*:)|\bcontact\s+(?:the\s+|our\s+)?(?:press|media|communications)\b",
    re.IGNORECASE,
)
# "Signatories: A (Seoul); B; C", "cc: ...": lists of names
_NAMES_LINE_RE = re.compile(
    r"^(?:signatories|signed|co-?signed\s+by|endorsed\s+by|supported\s+by|cc|tags|keywords"
    r"|topics|filed\s+under"
    # an appeal's address block: "Send to: Minister of ..., Vientiane", "Salutation: ..."
    r"|send\s+(?:to|copies\s+to)|copies\s+to|salutation)\s*:",
    re.IGNORECASE,
)
# "Quote" over someone else's post that a thread quotes
# A post's author: a display name and the account, "Let Them Go 🕊 @LetThemGo"
_AUTHOR_LINE_RE = re.compile(r"^[^.!?@\n]{1,50}\s@\w{2,30}(?:\s*[·•|].{0,40})?$")
_QUOTED_POST_RE = re.compile(r"^(?:Quote|Quoted\s+(?:post|tweet)|Quote\s+(?:post|tweet))$", re.I)
# A record's label and its value, on a line without a full stop: "Speaker: Ms Lee (Chair)",
# "Venue: Palais des Nations", "Name: Ri Sun-hwa"; not an e-mail's "Subject: ..."
_LABEL_LINE_RE = re.compile(
    r"^(?:speakers?|chair(?:ed\s+by)?|moderator|presenter|panel(?:lists?|ists?)?|participants"
    r"|present|attendees|date|time|venue|location|place|event|session|agenda\s+item|item"
    r"|language|languages|index|category|source|issued|updated|published|posted|name|names"
    r"|gender(?:\s+m/f)?|age|status|reference|ref|document|symbol)\s*:\s*\S[^.!?]{0,120}$",
    re.IGNORECASE,
)
# Readers' comments below a post or petition: other people's words, not the page's.
_COMMENTS_HEAD_RE = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reasons\s+for\s+signing|leave\s+a\s+(?:reply|comment)"
    r"|what\s+(?:people|supporters|signers)\s+(?:are\s+saying|say)"
    # a petition site's page for the answer it got: someone else's text from there on
    r"|(?:the\s+)?(?:government|ministry|minister|department|decision[- ]maker)[’']?s?\s+"
    r"(?:responded|response|replied|reply)|response\s+from\s+[^.]{2,60})\s*(?:\(\d+\))?:?$",
    re.IGNORECASE,
)
_COMMENTER_RE = re.compile(r"^[A-Z][\w.'’ -]{1,40}\s(?:says|said|wrote|commented|replied):?$")
# "Write to letters@paper.com.", "Call 020 7946 0531.": nothing asked but to get in touch
_ONLY_AN_ADDRESS_RE = re.compile(
    r"^(?:please\s+)?(?:write|e-?mail|call|phone|contact|visit|see|go|learn\s+more|find\s+out\s+more"
    r"|read\s+more)\s+(?:to\s+|us\s+at\s+|at\s+|on\s+)?"
    r"(?:[\w.+-]+@[\w.-]+|https?://\S+|www\.\S+|\+?[\d() -]{7,}"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:org|com|net|int|kr|uk|gov|edu|info)(?:/\S*)?)[.!]?$",
    re.IGNORECASE,
)
# Headings of lists that ask nothing: a newsletter's contents, the names of signers
_LIST_OF_NAMES_RE = re.compile(
    r"^(?:in\s+this\s+(?:issue|edition|newsletter|update)|inside(?:\s+this\s+issue)?"
    r"|(?:table\s+of\s+)?contents|signatories|signed(?:\s+by)?|co-?signed\s+by|endorsed\s+by"
    r"|supported\s+by|list\s+of\s+signatories)\s*:?$",
    re.IGNORECASE,
)
# A name with its place in brackets, alone on a line: "Harbour Light Fellowship (Canada)"
_NAME_WITH_PLACE_RE = re.compile(r"^[A-Z][\w’'&.-]*(?:\s+[\w’'&.-]+){0,8}\s+\([A-Z][^()]{1,40}\)$")
# The page about itself: its products, how to reply to it, its social media
_PAGE_ITSELF_RE = re.compile(
    r"\b(?:delivered\s+to|straight\s+to|in)\s+your\s+inbox\b"
    # "To be removed from our mailing list, contact ...": the mailing's own upkeep
    r"|^to\s+(?:be\s+removed\s+from|unsubscribe|stop\s+receiving|update\s+your)\b"
    r"|^(?:please\s+)?(?:get|receive)\s+our\s+(?:newsletter|editorials|columns|updates|stories"
    r"|emails|briefings?|podcast)"
    r"|^(?:please\s+)?(?:write|send|e-?mail|message)\s+(?:to\s+)?us\b"
    r"|^(?:please\s+)?send\s+(?:us\s+)?your\s+(?:letters?|stories|tips|comments|questions|views"
    r"|feedback)\b"
    r"|^(?:please\s+)?follow\s+(?:us|[^.]{0,80}?)\s+on\s+(?:social\s+media|twitter|x|facebook"
    r"|instagram|bluesky|threads|youtube|telegram|linkedin)\b",
    re.IGNORECASE,
)
_PRAYER_RE = re.compile(
    r"^(?:(?:o\s+|dear\s+|heavenly\s+|almighty\s+|gracious\s+)?(?:lord|god|father|jesus)\b[^.!?]{0,40},"
    r"|let\s+us\s+pray\b)|\bamen[.!]?$",
    re.IGNORECASE,
)
_QUESTION_LINE_RE = re.compile(
    r"^(?:q\s*\d*|question|reporter|journalist)(?:\s*\([^)]{1,40}\))?\s*[:.—–-]\s",
    re.IGNORECASE | re.MULTILINE,
)


_SALUTATION_RE = re.compile(
    r"^[\"“]?(?:(?:My\s+)?(?:Dear|Respected|Honou?rable|Esteemed)\s+(?P<dear>[^,:\n]{1,80})"
    r"|(?:Your\s+|Dear\s+)?(?P<excellency>Excellency|Excellencies)"
    r"|(?:Dear\s+)?Sir(?:\s+or\s+Madam)?|Madam|To\s+whom\s+it\s+may\s+concern"
    r"|To\s+(?P<to>(?:the\s+)?[A-Z][^:\n]{1,80}))\s*[,:]"
)
_CLOSING_RE = re.compile(
    r"^(?:Yours\b|Sincerely|Respectfully|With\s+(?:respect|regards|best|kind|gratitude|hope|thanks)"
    r"|(?:Kind|Best|Warm)\s+regards|Regards|In\s+solidarity)[^.\n]{0,40}[,.!]?\s*$"
    r"|^Thank\s+you(?:\s+for\s+[^.\n]*)?[,.!]?\s*$",
    re.IGNORECASE,
)
_SEPARATOR_LINE_RE = re.compile(r"^[-–—_*=~\s]{3,}$")
# The instruction that names who the letter below goes to.
_WRITE_TO_RE = re.compile(
    r"\b(?:write|writing|e-?mail|send|sending|contact|appeal|letter|message|address)\b",
    re.IGNORECASE,
)
_ITEM_RE = re.compile(r"^\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s")  # "(a) Raise ..."
# "-", "•", "3.", "(b)", "(iv)": roman numerals number the items of a sub-list
_BULLET_MARK_RE = re.compile(
    r"^[ \t]*(?:[-–—•*·▪‣◦→►➤✓✔○]|\d{1,2}[.)]|\(?(?:[a-z]|[ivx]{1,4})\))[ \t]*$"
)


@dataclass
class Layout:
    furniture: set[int] = field(default_factory=set)  # sentences that are page furniture
    bullet: set[int] = field(default_factory=set)  # sentences that open a list item
    alone: set[int] = field(default_factory=set)  # sentences that are a line of their own
    lead_in: dict[int, int] = field(default_factory=dict)  # list item -> its introducer
    letter_of: dict[int, str | None] = field(default_factory=dict)  # body -> whom it salutes
    address_of: dict[int, str | None] = field(default_factory=dict)  # after "To X:" in a speech
    header_end: int = 0  # first sentence of the first paragraph of prose
    home: str = "south_korea_government"  # whose government "the government" is
    home_known: bool = False  # the text says, or its names show, where it comes from
    home_stated: bool = False  # by a dateline, a visit or a header line
    home_named: bool = False  # stated, or the text names that country (not only assumed)
    reviewed: str | None = None  # the state a treaty body's text reviews ("the State party")
    addressed_to: str | None = None  # whom a petition or open letter is to ("To: ...")

    def in_letter(self, idx: int) -> bool:
        return idx in self.letter_of


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end == -1 else line_end


def is_navigation(line: str) -> bool:
    """A line of short items between separators, or of widget words only."""
    stripped = line.strip()
    words = re.findall(r"[\w'’-]+", stripped.lower())
    if words and all(w in _WIDGET_WORDS for w in words):
        return True
    parts = [p.strip(" :") for p in _SEPARATORS_RE.split(stripped) if p.strip(" :")]
    if len(parts) < 2:
        return False
    return all(len(p.split()) <= 5 and not _TERMINAL_RE.search(p) for p in parts)


def _signatures(doc: Doc, layout: Layout) -> set[int]:
    """The names under a letter's closing ("Yours sincerely," then "Open Border
    Fellowship"): short lines without a full stop in the closing's paragraph and the
    one after it, whatever their words look like."""
    found: set[int] = set()
    sentences = doc.sentences
    for i, sentence in enumerate(sentences):
        if i not in layout.alone or not _CLOSING_RE.match(sentence.text):
            continue
        last_para = doc.paragraph_of[i] + 1
        for j in range(i + 1, len(sentences)):
            text = sentences[j].text
            if doc.paragraph_of[j] > last_para or j not in layout.alone:
                break
            if _TERMINAL_RE.search(text) or len(text.split()) > 8:
                break
            found.add(j)
    return found


def _is_name_line(sentence: str) -> bool:
    """A line that is only an organisation's name: "Open Door Refugee Legal Aid (Tokyo)"."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", sentence.strip())
    return any(start == 0 and end == len(name) for start, end in organisation_names(name))


def is_widget(sentence: str) -> bool:
    """A button or link: a short line naming the page's own furniture."""
    s = sentence.strip()
    return len(s.split()) <= 6 and not _TERMINAL_RE.search(s) and bool(_WIDGET_OBJECT_RE.search(s))


def _is_prose(sentence: str) -> bool:
    return len(sentence.split()) >= 8 and bool(_TERMINAL_RE.search(sentence.rstrip()))


def analyse(doc: Doc) -> Layout:
    layout = Layout()
    text, sentences, para_of = doc.text, doc.sentences, doc.paragraph_of
    n = len(sentences)
    prose = [i for i, s in enumerate(sentences) if _is_prose(s.text)]
    layout.header_end = prose[0] if prose else n
    last_prose_para = para_of[prose[-1]] if prose else n
    navigation: dict[int, bool] = {}  # by line start: a long line is looked at once
    comments = _comments_start(doc, layout.header_end)
    listed = _listed_paragraphs(doc)
    masthead = _masthead(doc)
    prayers = {para_of[i] for i, s in enumerate(sentences) if _PRAYER_RE.search(s.text)}
    questions = _question_lines(doc)
    for i, s in enumerate(sentences):
        line_start, line_end = _line_of(text, s.start, s.end)
        before = text[line_start : s.start]
        if (before.strip() and _BULLET_MARK_RE.match(before)) or (
            not before.strip() and _ITEM_RE.match(s.text)
        ):
            layout.bullet.add(i)
        if (not before.strip() or i in layout.bullet) and not text[s.end : line_end].strip():
            layout.alone.add(i)
        if line_start not in navigation:
            navigation[line_start] = line_end - line_start < 300 and is_navigation(
                text[line_start:line_end]
            )
        # a thread's post counter ends a post as a full stop would: "... here (12/12)"
        unpunctuated = (
            i not in layout.bullet
            and not _TERMINAL_RE.search(s.text)
            and not _POST_COUNTER_RE.search(s.text)
        )
        cut_off = (  # "... third parties. Read our priv"
            unpunctuated and i == n - 1 and i > 0 and para_of[i - 1] == para_of[i]
        )
        footer = unpunctuated and para_of[i] > last_prose_para
        if (
            navigation[line_start]
            # "We use cookies ... Accept all | Manage settings": the buttons after a
            # banner's sentence, on the same line
            or ("|" in s.text and is_navigation(s.text))
            or _NAMES_LINE_RE.match(s.text)
            or (i in layout.alone and _LABEL_LINE_RE.match(s.text.strip()))
            or (comments is not None and i >= comments)
            or (i in layout.alone and is_widget(s.text))
            or _ONLY_AN_ADDRESS_RE.match(s.text)
            or (i in layout.alone and _is_name_line(s.text))
            or (i in layout.alone and _AUTHOR_LINE_RE.match(s.text.strip()))
            or (i in layout.alone and _NAME_WITH_PLACE_RE.match(s.text.strip()))
            or i == masthead
            or para_of[i] in listed.get(i, ())
            or para_of[i] in prayers
            or i in questions
            or _PAGE_ITSELF_RE.search(s.text.strip())
            or _CONTACT_RE.search(s.text)
            or cut_off
            or footer
        ):
            layout.furniture.add(i)
    layout.furniture |= _signatures(doc, layout)
    layout.furniture |= _quoted_posts(doc)
    # "Pray this month" over "- Pray for ...": a list's heading names what its items ask
    layout.furniture |= {
        i
        for i in layout.alone - layout.bullet
        if i + 1 in layout.bullet
        and len(sentences[i].text.split()) <= 4
        and not re.search(r"[.!?:;,]\W*$", sentences[i].text)
    }
    _find_lead_ins(doc, layout)
    layout.addressed_to = _addressed_to(doc, layout)
    _find_letters(doc, layout)
    _find_points_for(doc, layout)
    find_addresses(doc, layout.address_of)
    stated = _home(doc, layout)
    home = stated or _counted_home(doc)
    layout.home, layout.home_known = home or layout.home, home is not None
    layout.home_stated = stated is not None
    layout.home_named = stated is not None or (
        home is not None and any(a == home for a in doc.states_named())
    )
    layout.reviewed = _reviewed(doc)
    return layout


def _addressed_to(doc: Doc, layout: Layout) -> str | None:
    """Whom a petition or open letter is to, from a line of its header: "To: the Minister",
    "An open letter to President Xi", or a field of a petition site's line of facts
    ("Started by Min-ji Cho | To: the Governor | 3,000 supporters")."""
    for sentence in doc.sentences[: min(len(doc.sentences), layout.header_end + 2)]:
        for line in sentence.text.splitlines():
            m = next(
                filter(None, map(_ADDRESSED_TO_RE.search, _FIELD_SEPARATOR_RE.split(line.strip()))),
                None,
            )
            if m:
                named = named_or_head_of_state(m.group("np") or m.group("np2"))
                if named and named != "public":
                    return named
    return None


def _masthead(doc: Doc) -> int | None:
    """The site's name: a short line at the top right above its navigation line
    ("Open Door Churches Together" over "Home | About us | Campaigns")."""
    text = doc.text
    for i, sentence in enumerate(doc.sentences[:3]):
        line_end = text.find("\n", sentence.end)
        if line_end == -1 or _TERMINAL_RE.search(sentence.text) or len(sentence.text.split()) > 8:
            continue
        next_end = text.find("\n", line_end + 1)
        next_line = text[line_end + 1 : next_end if next_end != -1 else len(text)]
        if next_line.strip() and is_navigation(next_line):
            return i
    return None


def _listed_paragraphs(doc: Doc) -> dict[int, tuple[int, ...]]:
    """Sentences after a heading of names or contents in its paragraph ("In this issue",
    "Signatories:"), each with that paragraph (a one-item tuple)."""
    listed: dict[int, tuple[int, ...]] = {}
    for i, sentence in enumerate(doc.sentences):
        if not _LIST_OF_NAMES_RE.match(sentence.text.strip()):
            continue
        for j in range(i + 1, len(doc.sentences)):
            if doc.paragraph_of[j] != doc.paragraph_of[i]:
                break
            listed[j] = (doc.paragraph_of[j],)
    return listed


def _question_lines(doc: Doc) -> set[int]:
    """Sentences on the lines of a transcript that are a reporter's question ("Q: Will
    the ministry ...?"), up to the next line."""
    text = doc.text
    found = set()
    for i, sentence in enumerate(doc.sentences):
        line_start = text.rfind("\n", 0, sentence.start) + 1
        if _QUESTION_LINE_RE.match(text, line_start):
            found.add(i)
    return found


def _comments_start(doc: Doc, header_end: int) -> int | None:
    """The first sentence of a comments section, if the page has one."""
    for i, sentence in enumerate(doc.sentences):
        if i > header_end and (
            _COMMENTS_HEAD_RE.match(sentence.text) or _COMMENTER_RE.match(sentence.text)
        ):
            return i
    return None


def _find_lead_ins(doc: Doc, layout: Layout) -> None:
    """Each list item's introducer: the nearest line before the list ending in ':'."""
    for i in sorted(layout.bullet):
        j = i - 1
        # back over the items before it, to the line that ends with ":" (itself
        # perhaps numbered: "29. The Committee recommends that the State party:")
        while (
            j >= 0
            and i - j <= 12
            and not doc.sentences[j].text.rstrip().endswith(":")
            and (j in layout.bullet or not _starts_line(doc, j))
        ):
            j -= 1
        if j >= 0 and doc.sentences[j].text.rstrip().endswith(":") and i - j <= 12:
            layout.lead_in[i] = j


def _starts_line(doc: Doc, idx: int) -> bool:
    s = doc.sentences[idx]
    return not doc.text[doc.text.rfind("\n", 0, s.start) + 1 : s.start].strip()


def _find_letters(doc: Doc, layout: Layout) -> None:
    sentences = doc.sentences
    i = 0
    while i < len(sentences):
        m = _SALUTATION_RE.match(sentences[i].text) if _starts_line(doc, i) else None
        if not m:
            i += 1
            continue
        addressee = _saluted(doc, i, m, layout.addressed_to)
        # "Dear Minister, I am writing ...": a letter quoted in one paragraph; not "To
        # President Xi, the Ministry of ... and the Ambassador:", an address over a letter
        rest = sentences[i].text[m.end() :].strip(' \t"”')
        inline = bool(rest) and not rest.endswith(":")
        if inline:
            layout.letter_of[i] = addressee
        j = i + 1
        while j < len(sentences):
            if inline and doc.paragraph_of[j] != doc.paragraph_of[i]:
                break
            line = sentences[j].text
            if j in layout.alone and (_CLOSING_RE.match(line) or _SEPARATOR_LINE_RE.match(line)):
                break
            if j in layout.alone and _SALUTATION_RE.match(line):
                break
            if j in layout.alone and len(line.split()) <= 6 and not re.search(r"[.,!;:]$", line):
                break  # a heading after the letter: "Why is this important?", "Updates"
            layout.letter_of[j] = addressee
            j += 1
        i = j


# An appeal's address block in its body: "To: Director, Provincial Public Security
# Department, Changchun, China", "Send appeals to: Minister ...", "Write to: ..."
_ADDRESS_FIELD_RE = re.compile(
    r"^(?:to|send(?:\s+(?:your\s+)?(?:appeals?|letters?))?\s+to|write\s+to|addressee|recipient)"
    r"\s*:\s*(?P<np>\S.{2,200})$",
    re.IGNORECASE,
)


def _recipient(address: str) -> str | None:
    """Whom an address block is for: its first part that names someone's state ("Ambassador,
    Embassy of the Republic of Korea, Beijing, China" is Seoul's ambassador in China)."""
    for part in address.split(","):
        named = named_or_head_of_state(part.strip())
        if named and named != "public":
            return named
    return None


def _find_points_for(doc: Doc, layout: Layout) -> None:
    """The items of a list under an appeal's address block ("To: Director, ... China" /
    "Salutation: Dear Director" / "Suggested points:" / "- Do not return them.") are
    the points of the letter to that recipient, as a letter's body is ("Dear ...")."""
    recipient = None
    for i, sentence in enumerate(doc.sentences):
        if i < layout.header_end:
            continue
        m = _ADDRESS_FIELD_RE.match(sentence.text.split("\n", 1)[0].strip())
        if m and _starts_line(doc, i):
            recipient = _recipient(m.group("np"))
            continue
        line = sentence.text.strip()
        if i in layout.alone and line.isupper() and i not in layout.bullet:
            recipient = None  # a heading in capitals: "BACKGROUND", "SECOND LETTER"
        elif recipient and i in layout.bullet and i not in layout.letter_of:
            layout.letter_of[i] = recipient


# A person by name, or an office-holder by title and name ("Prime Minister Ito")
_PERSON_RE = re.compile(
    r"(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Dame)\.?\s+[A-Z]"
    r"|(?:Prime\s+Minister|President|Minister|Ambassador|Secretary|Senator|Chancellor"
    r"|Governor|Mayor|Commissioner|Director|Chair(?:man|woman|person)?)\s+[A-Z][a-z]"
)
# Whom a petition or an open letter is addressed to, in its header:
# "To: Xi Jinping, President of ...", "Petition to: the Ministry of ...",
# "Open letter to the President of the Republic of Korea"
_FIELD_SEPARATOR_RE = re.compile(r"\s+[|·•]\s+")
_ADDRESSED_TO_RE = re.compile(
    r"^(?:petition\s+)?(?:to|addressed\s+to|target(?:ing)?|decision[- ]makers?)\s*:\s*(?P<np>.+)$"
    r"|^(?:an?\s+)?(?:joint\s+)?(?:[\w-]+\s+){0,2}?(?:open\s+letter|petition|appeal|letter)\s+to\s+"
    r"(?P<np2>(?:the\s+)?(?:(?:Mr|Mrs|Ms|Dr|Prof)\.\s*)?[A-Z][^.:;\n]{2,80})",
    re.IGNORECASE,
)


# Where a text comes from says whose government "the Government" is: a dateline
# ("LONDON –", "Seoul, 15 March"), a visit ("on her visit to the Republic of
# Korea"), or a short header line naming a state ("UK Government and Parliament").
_DATELINE_PLACE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.' ]{1,30}?)(?:,\s*[A-Z][\w.]*){0,2}\s*(?:\([^)]*\))?\s*[–—-]+\s"
    r"|^(?P<place2>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})"
)
_VISIT_RE = re.compile(r"\bvisit\s+to\s+(?P<place>(?:the\s+)?[A-Z][\w’' ]{2,40})")
# A header line that ends with where and when: "Remarks at the rally outside the
# embassy, Tokyo, 22 February 2025"
_PLACE_AND_DATE_RE = re.compile(
    r",\s+(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}),?"
    r"\s+\d{4}\s*$"
)
_LEGISLATURE_HEADER_RE = re.compile(
    r"\b(?:Diet|Parliament|Congress|Assembly|House\s+of\s+\w+)\s+of\s+(?:the\s+)?"
    r"(?P<state>[A-Z][\w’' ]{2,40})$"
)
_STATES = frozenset({"china", "south_korea_government", "north_korea", "other"})


def _state(name: str) -> str | None:
    # a newspaper's or an organisation's name is no state ("THE HANGANG HERALD")
    found = [
        a for _pos, a in find_actors(name.strip().title().replace("'S", "'s"), organisations=False)
    ]
    found = [a for a in found if a in _STATES]
    return found[0] if found else None


def _home(doc: Doc, layout: Layout) -> str | None:
    sentences = doc.sentences
    for i in range(min(len(sentences), layout.header_end + 3)):
        text = sentences[i].text
        m = _DATELINE_PLACE_RE.match(text)
        if m:
            state = _state(m.group("place") or m.group("place2"))
            if state:
                return state
        visit = _VISIT_RE.search(text) or (
            _PLACE_AND_DATE_RE.search(text) if i < layout.header_end else None
        )
        if visit:
            state = _state(visit.group("place"))
            if state:
                return state
    for i in range(min(len(sentences), layout.header_end)):
        text = sentences[i].text
        # "House of Councillors, The National Diet of Japan": a legislature's page
        legislature = _LEGISLATURE_HEADER_RE.search(text)
        if legislature and len(text.split()) <= 12:
            state = _state(legislature.group("state"))
            if state:
                return state
        if (
            len(text.split()) <= 6
            and not _TERMINAL_RE.search(text)
            and not organisation_names(text)
            # a headline's demand names whom it asks, not where the text is from
            and not re.search(r"\b(?:must|should|needs?|urges?|calls?|tells?)\b", text, re.I)
        ):
            state = (
                _state(text)
                if text.isupper()
                else next((a for _p, a in find_actors(text) if a in _STATES), None)
            )
            if state:
                return state
    return None


def _quoted_posts(doc: Doc) -> set[int]:
    """The sentences of a post a thread quotes: after a line "Quote", its author's line
    and the paragraph of their words are someone else's."""
    quoted: set[int] = set()
    sentences, para_of = doc.sentences, doc.paragraph_of
    for i, s in enumerate(sentences):
        if not _QUOTED_POST_RE.match(s.text.strip()):
            continue
        paragraphs_seen = 0
        j = i + 1
        while j < len(sentences) and paragraphs_seen < 3:
            if para_of[j] != para_of[j - 1]:
                paragraphs_seen += 1
                if paragraphs_seen == 3 or (j > i + 1 and _is_prose(sentences[j - 1].text)):
                    break
            quoted.add(j)
            j += 1
    return quoted


def _counted_home(doc: Doc) -> str | None:
    """Failing a dateline or header, the country the text keeps naming."""
    # Failing that, the country the text keeps talking about besides China and North
    # Korea, its subject: a Korean paper names Seoul, an American one Washington. A
    # text that names no other country at all is about the three the campaign is
    # about, and "our government" in it is Seoul's.
    counts = Counter(doc.states_named())
    korea, other = counts["south_korea_government"], counts["other"]
    if (korea >= 1 and korea >= other) or other == 0:
        return "south_korea_government"
    if (other >= 3 and other >= 2 * korea) or (other >= 2 and korea == 0):
        return "other"
    return None


_REVIEW_RE = re.compile(
    r"\b(?:report|review|examination|reports)\s+of\s+(?P<state>(?:the\s+)?[A-Z][\w’' ]{2,60})"
)


def _reviewed(doc: Doc) -> str | None:
    """The state a treaty body's observations are about: "... periodic report of China"."""
    for sentence in doc.sentences[:8]:
        m = _REVIEW_RE.search(sentence.text)
        if m:
            state = _state(m.group("state"))
            if state:
                return state
    counts = Counter(a for a in doc.states_named() if a in _STATES)
    return counts.most_common(1)[0][0] if counts else None


def _saluted(doc: Doc, idx: int, m: re.Match[str], header: str | None) -> str | None:
    """The addressee class of the person a salutation greets; ``header``: whom the
    page's header addresses the letter or petition to."""
    name = m.group("dear") or m.group("to") or ""
    named = named_or_head_of_state(name) if name else None
    if named == "home" and header:
        # "Dear Mr. President," under "To: The President of the Supreme People's Court
        # of China": a title with no country is the one the header names
        return header
    if named:
        return named  # "Dear President Xi", "Dear friends" (the readers)
    if header:
        return header  # "Your Excellency," under "A petition to the Chinese Embassy"
    person = _PERSON_RE.match(name)
    # "Dear Director" under an appeal's address blocks: the block whose "Salutation:
    # Dear Director" it repeats, and the country that block is addressed to
    first = max(0, idx - 15)
    block = re.compile(rf"^Salutation:\s*(?:Dear\s+)?{re.escape(name.strip())}\s*,?$", re.I)
    for j in range(idx - 1, first - 1, -1):
        if block.match(doc.sentences[j].text.strip()):
            states = [
                a
                for k in range(max(0, j - 6), j)
                for _pos, a in doc.raw_mentions(k)
                if a in _STATES
            ]
            if states:
                return states[-1]
            break
    # "Dear Minister", "Your Excellency": the instruction or address block says who.
    for j in range(idx - 1, first - 1, -1):
        sentence = doc.sentences[j].text
        write = _WRITE_TO_RE.search(sentence)
        if write:
            mentions = [a for pos, a in doc.raw_mentions(j) if pos >= write.start()]
            if mentions:
                return mentions[0]
    for j in range(idx - 1, first - 1, -1):
        mentions = doc.raw_mentions(j)
        if mentions:
            return mentions[-1][1]
    if _MINISTER_RE.match(name):
        # "Dear Foreign Minister Cho", with no country anywhere before: a minister of
        # the text's own government, as "the Minister" is
        return "home"
    # "Dear Ms. Whitcombe": a person who speaks for no state, such as a company's head
    return "other" if person else None


_MINISTER_RE = re.compile(r"(?:(?:Foreign|Unification|Deputy|Vice)\s+)?Minister\b(?!\s+of\b)")
