"""Quotations in a text and who is said to say them.

* A quotation runs from an opening to a closing double quote within a
  paragraph; one never closed ends with its line, so it cannot swallow the
  rest of the text.
* Its speaker is named after it ('"...," said Jane Doe, director of X.',
  '"...," the group said.', a signature '"..." — Jane Doe, Director') or
  before it ('Jane Doe added: "..."'); a quote
  with no attribution that follows another in the same paragraph continues
  its speaker's words ('"A," said X. "B."'), and so does a paragraph that is
  a quotation and nothing else, right after a paragraph whose quote was
  attributed (a release gives its spokesperson two paragraphs so).

Whether a speaker speaks for the document is the voice module's question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPEECH_VERBS = (
    r"said|says|say|added|adds|stated|states|explained|noted|warned|insisted|argued|told"
    r"|tells|wrote|writes|declared|urged|urges|asked|asks|stressed|emphasi[sz]ed|continued"
    r"|concluded|recalled|remarked|commented|appealed|pleaded|cried|shouted"
)
_ATTRIBUTED_AFTER_RE = re.compile(
    # a signed quotation: '"..." — Park Ye-jin, Director'
    rf"\s*[—–]\s*(?P<who3>[A-Z][^,.;:“”\"\n]{{1,60}}?)(?:,\s*(?P<title3>[^.;“”\"\n]{{1,100}}))?\s*$"
    rf"|[\s,]*(?:(?:{_SPEECH_VERBS})\s+(?P<who>[^,.;:“”\"]{{1,80}}?)(?:,\s*(?P<title>[^.;“”\"]{{1,160}}))?"
    rf"[.;]|(?P<who2>[^,.;:“”\"]{{1,80}}?)\s+(?:{_SPEECH_VERBS})\b(?P<rest>[^.“”\"]{{0,120}}))",
)
_ATTRIBUTED_BEFORE_RE = re.compile(
    rf"(?P<who>[^.;:“”\"]{{1,100}}?)\s+(?:(?:also|then|later)\s+)?(?:{_SPEECH_VERBS})"
    rf"(?:\s+[^:“”\"]{{1,60}})?\s*[:,]\s*$",
)


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    who: str | None  # the attribution, as written
    title: str  # "director of Korea Refuge Watch", when given
    own: bool = False


def quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of double-quoted passages; a quote never closed ends with its paragraph's line."""
    spans = []
    for p_start, p_end in paragraphs:
        open_at = None
        for m in re.finditer(r"[“”\"]", text[p_start:p_end]):
            pos, ch = p_start + m.start(), m.group()
            if open_at is None and ch in '“"':
                open_at = pos
            elif open_at is not None and ch in '”"':
                spans.append((open_at, pos + 1))
                open_at = None
        if open_at is not None:  # unbalanced: keep it to its own line
            line_end = text.find("\n", open_at)
            spans.append((open_at, p_end if line_end == -1 else min(line_end, p_end)))
    return spans


# A headline that quotes words in single quotes and says whose they are after a
# colon: "‘Don't send them back’: Korean Canadians rally outside consulate".
_HEADLINE_QUOTE_RE = re.compile(
    r"^[‘'](?P<words>[^\n]{3,120}?)[’'][ \t]*:[ \t]+(?P<who>\w[^\n]{1,60}?)\s+"
    r"(?:rally|rallies|march|marches|protest|protests|say|says|tell|tells|urge|urges|call|calls"
    r"|demand|demands|plead|pleads|gather|gathers)\b",
    re.MULTILINE,
)


def headline_quotes(text: str) -> list[Quote]:
    """Quotations in single quotes at the head of a line, attributed after a colon."""
    return [
        Quote(m.start(), m.end("words") + 1, m.group("who"), "")
        for m in _HEADLINE_QUOTE_RE.finditer(text)
    ]


def attribute(text: str, spans: list[tuple[int, int]], paragraphs) -> list[Quote]:
    quotes: list[Quote] = []
    para_of_span = []
    for start, _end in spans:
        para_of_span.append(next((i for i, (a, b) in enumerate(paragraphs) if a <= start < b), -1))
    for k, (start, end) in enumerate(spans):
        p = paragraphs[para_of_span[k]] if para_of_span[k] >= 0 else (0, len(text))
        who = title = None
        after = _ATTRIBUTED_AFTER_RE.match(text, end, min(p[1], end + 300))
        if after and (after.group("who") or after.group("who2") or after.group("who3")):
            who = after.group("who") or after.group("who2") or after.group("who3")
            title = after.group("title") or after.group("rest") or after.group("title3") or ""
        else:
            lead = text[max(p[0], start - 200) : start].rstrip()
            before = _ATTRIBUTED_BEFORE_RE.search(lead) if lead.endswith((":", ",")) else None
            if before:
                who, title = before.group("who"), ""
        if who is None and k and para_of_span[k - 1] == para_of_span[k]:
            # "'A,' said X. 'B.'": a quote continues its speaker's words
            previous = quotes[-1]
            who, title = previous.who, previous.title
        elif who is None and k and para_of_span[k - 1] == para_of_span[k] - 1 >= 0:
            # a paragraph that is a quotation and nothing else, after one that ends with
            # a quote's attribution, goes on with the same speaker's words
            whole = text[p[0] : p[1]].strip() == text[start:end].strip()
            previous = quotes[-1]
            if whole and previous.who and not text[previous.end : p[0]].strip(" \n").count("\n"):
                who, title = previous.who, previous.title
        quotes.append(Quote(start, end, _clean_who(who), (title or "").strip()))
    # A quotation that runs over several paragraphs leaves each paragraph but the last
    # unclosed and opens the next one again; its speaker is named after the last.
    for k in range(len(quotes) - 2, -1, -1):
        quote, after = quotes[k], quotes[k + 1]
        unclosed = text[quote.end - 1] not in '”"'
        next_para = para_of_span[k + 1] == para_of_span[k] + 1 and para_of_span[k] >= 0
        if quote.who is None and unclosed and next_para:
            opens_next = after.start == paragraphs[para_of_span[k + 1]][0]
            if opens_next:
                quotes[k] = Quote(quote.start, quote.end, after.who, after.title)
    return quotes


def _clean_who(who: str | None) -> str | None:
    if who is None:
        return None
    who = re.sub(r"^(?:and|but|then|as|while|when)\s+", "", who.strip(), flags=re.IGNORECASE)
    who = re.sub(
        r"\s+(?:on|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
        r"|Sunday|today|\w+day)$",
        "",
        who,
    )
    return who.strip() or None
