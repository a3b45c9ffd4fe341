"""Offices: whose a bare office is ("the Government", "the authorities", "the ministry").

* A bare office repeats the last one of its kind named: "the authorities" after
  "the Chinese authorities", "the ministry" after "the Unification Ministry" or
  its minister, "the ambassador" after "the Chinese ambassador in London".
* "The concerned authorities", "the relevant authorities", "the authorities
  concerned" are a bare office as much as "the authorities".
* It is the text's own government only when no office of that kind has been
  named with its country in the sentences before; "the regime" never is.
* A text that neither says where it comes from nor names a country of its own
  (a UN or an organisation's statement about China) writes "the Government"
  (capitalised) and "the authorities" for the state it is about: the last one
  it named, or the one it names most.
* A national parliament's motion ("That this House ...", or any text on a
  chamber's own page: "House of Councillors, The National Diet of Japan", or a
  committee's report: "Report of the Standing Committee on Justice") only
  ever means its own government by "the Government", even just after it
  named another state's.
"""

from __future__ import annotations

import re
from collections import Counter

from articles.extraction.actors import mention_end
from articles.extraction.sentences import Doc

STATE_OFFICE_RE = re.compile(
    r"\b(?:government|authorities|ministry|police|officials|administration)\b", re.IGNORECASE
)
BARE_OFFICE_RE = re.compile(
    # "the concerned authorities", "the authorities concerned": the ones the text is about
    r"^(?:the\s+)?(?:(?:concerned|relevant|competent|responsible)\s+)?"
    r"(?P<head>authorities|government|administration|regime|ambassador|embassy"
    r"|foreign\s+ministry|foreign\s+minister|president|minister|ministry|department"
    r"|committee|mission|consulate)(?:\s+(?:concerned|responsible))?$",
    re.IGNORECASE,
)


def office_named_before(doc: Doc, idx: int, subject: str) -> str | None:
    """ "The authorities" after "the Chinese authorities": the same office again.

    A bare office is the text's own government only when no office of that kind
    has been named with its country in the sentences before. A text that neither
    says where it comes from nor names a country of its own (a UN or an
    organisation's statement about China) has no government of its own: its "the
    authorities" are the last state's office it named, whatever the office ("the
    Government of China ... the authorities").
    """
    m = BARE_OFFICE_RE.match(subject.strip())
    if not m:
        return None
    head = m.group("head").lower()
    if (
        head == "government"
        and doc.layout.home_stated
        and LEGISLATURE_RE.search(doc.text)
        and "European Parliament" not in doc.text
    ):
        return None  # a parliament's "the Government" is the one that answers to it
    any_office = any_state = None
    states: list[str] = []  # the states named, nearest last
    # an ambassador is never the text's own government: look further back for whose
    window = 30 if head in {"ambassador", "embassy", "consulate", "mission"} else 10
    for j in range(idx, max(-1, idx - window), -1):
        text = doc.sentences[j].text
        for pos, actor in reversed(doc.raw_mentions(j)):
            if actor in {"home", "public", "state_party", "international_community"}:
                continue
            named = text[pos : mention_end(text, pos, actor)].lower()
            if head in named or (head == "ministry" and "minister" in named):
                return actor  # "the ministry" of the minister named before, too
            if any_office is None and STATE_OFFICE_RE.search(named):
                any_office = actor
            if actor in STATE_CLASSES:
                any_state = any_state or actor
                states.insert(0, actor)
    if head == "regime":
        # "the regime" is never the writer's own government: the last of the states a
        # campaign calls so that the text named
        return next((a for a in reversed(states) if a in {"north_korea", "china"}), None)
    if doc.layout.home_named or re.match(r"(?:our|my)\b", subject.strip(), re.IGNORECASE):
        return None
    if any_office is None and (head == "authorities" or "Government" in subject):
        # "UN experts today urged China to halt ... 'The Government must ...'": only a
        # state has a government, and a text with none of its own means the one it
        # names (written with a capital, as such texts name a state's; a lower-case
        # "the government" is more often the writer's own), before it or, in an
        # appeal that names it only in its address block, anywhere
        return any_state or most_named_state(doc)
    return any_office


def most_named_state(doc: Doc) -> str | None:
    counts = Counter(a for a in doc.states_named() if a in STATE_CLASSES)
    return counts.most_common(1)[0][0] if counts else None


STATE_CLASSES = frozenset({"china", "north_korea", "south_korea_government", "other"})
# A national legislature's own motion: "That this House ...", "That the Senate ...";
# the European Parliament ("this Parliament" of the EU) has no government of its own
LEGISLATURE_RE = re.compile(
    r"\b(?:That\s+(?:this|the)|this)\s+(?:House|Parliament|Chamber|Senate|Assembly)\b"
    # a chamber's own page: "House of Councillors, The National Diet of Japan"
    r"|^House\s+of\s+[A-Z]\w+,?\s+(?:[Tt]he\s+)?(?:National\s+)?(?:Diet|Parliament|Congress)\b"
    # a chamber's name on a line of its own, and a committee's report: "HOUSE OF
    # COMMONS", "Report of the Subcommittee on International Human Rights"
    r"|^(?i:house\s+of\s+(?:commons|lords|representatives|councillors))\s*$"
    r"|^Report\s+of\s+the\s+(?:[A-Z]\w+\s+)*(?:Sub)?[Cc]ommittee\b",
    re.MULTILINE,
)
