"""Voice: whose demand a clause is.

Only the document's own voice makes calls to action. A demand put in someone
else's mouth is reported, not made:

* a reporting verb before it: "Activists say that China must stop ...",
  "The committee recommended that China stop ...";
* an attribution after it: "The government has to decide by Friday,
  officials said.";
* an open quotation: "“China must stop,” the activist said.";
* a legal frame: "Under the convention, states must not return refugees" is
  what the law says, not what the author asks.

A reporting verb right after "we" or "I" is the author's own ("We believe
that Beijing must change course").
"""

from __future__ import annotations

import re

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
    r"|predicts?|predicted|knows?|thought|felt|feels?|reckons?|agreed?|agrees)\b",
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
    r",\s*(?:(?:[\w’'.-]+\s+){0,5}(?:said|says|say|told\s+\w+|added|noted|argued|insisted"
    r"|warned|claimed|stated|explained|wrote)|according\s+to\b[^,]*)[\s.!”\"]*$",
    re.IGNORECASE,
)


def own_clause(prefix: str) -> str:
    """The part of ``prefix`` after the last ';' (or ':' not introducing speech)."""
    cut = prefix.rfind(";")
    colon = prefix.rfind(":")
    if colon > cut:
        before = prefix[max(0, colon - 40) : colon]
        if not REPORT_RE.search(" ".join(before.split()[-3:])):
            cut = colon
    return prefix[cut + 1 :] if cut >= 0 else prefix


def reported(prefix: str) -> bool:
    """True when ``prefix`` puts what follows in a third party's mouth."""
    for m in REPORT_RE.finditer(prefix):
        before = prefix[max(0, m.start() - 40) : m.start()]
        words = before.split()[-4:]
        if not _FIRST_PERSON_RE.search(" ".join(words)):
            return True
    return False


def inside_quote(prefix: str) -> bool:
    if prefix.count("“") > prefix.count("”"):
        return True
    return prefix.count('"') % 2 == 1
