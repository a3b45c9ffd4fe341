"""Sentence splitting for campaign editorials.

The editorials we collect are plain text scraped from newspaper sites. They are
messy: one sentence or one paragraph per line, headings and deck lines without a
final full stop, list items introduced by dashes or bullets, abbreviations such
as "N.K." or "Aug.", and the odd unbalanced quotation mark.

``split_sentences`` returns :class:`Sentence` objects whose ``start``/``end``
offsets point into the original string, so that ``source[s.start:s.end] ==
s.text`` always holds. Only the standard library is used.

Rules, in order of precedence:

* A blank line always ends a sentence.
* A line break ends a sentence, unless the line stops without final
  punctuation and the next line carries on in lower case, or the line is as
  long as a hard-wrapped line (60 characters or more) and the next line
  follows without a blank line.
* A line that starts with a list marker ("- ", "– ", "— ", "• ", "* ", "1. ",
  "(a) ", "(ii) ", "→ ", or a stray "? " standing in for a bullet glyph) starts a new
  unit, and the marker is not part of the sentence.
* Inside a line, ".", "!", "?" and "…" end a sentence when followed by
  white space and something that can start a sentence (a capital letter, a
  digit or an opening quotation mark). Closing quotes and brackets right
  after the punctuation belong to the sentence that ends there.
* Abbreviations (titles, months, "No.", single initials, dotted acronyms
  such as "U.N.") do not end a sentence, except that a dotted acronym does
  when the next word is a typical sentence opener ("... in the U.S. The ...").
* Quotation marks are not tracked across sentences, so a quote that is never
  closed cannot swallow the rest of the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    """A set of the white-space separated words in ``text``."""
    return frozenset(text.split())


__all__ = ["Sentence", "split_sentences", "paragraph_spans"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its position: ``source[start:end] == text``."""

    text: str
    start: int
    end: int


# A list marker at the start of a line. "?" is included because scraped pages
# often turn bullet glyphs into a literal question mark.
_BULLET_RE = re.compile(
    r"[ \t]*(?:[-–—•*·▪‣◦?→►➤✓✔○]|\d{1,2}[.)]|\((?:\d{1,2}|[a-z]|[ivx]{1,4})\))[ \t]+(?=\S)"
)

# Candidate sentence ends: terminal punctuation, optional closing quotes or
# brackets, then white space. Simple character classes only, so matching stays
# linear in the length of the text.
_BOUNDARY_RE = re.compile(r"(\.{3}|…|[.!?]+)([\"'”’»)\]]*)(\s+)")

_LAST_TOKEN_RE = re.compile(r"(\S+)$")
_DOTTED_ACRONYM_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_NEXT_WORD_RE = re.compile(r"[\"'“‘(\[]*([A-Za-z]+)")

_ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt rev hon pres amb messrs
    mme mlle supt cmdr adm maj brig jan feb mar apr jun jul aug sep sept oct nov dec no
    nos vol pp fig art sec ch approx est dept cf vs e.g i.e
    """
)
# Abbreviations that only stay glued to the next token when that token is a
# number ("No. 1", "Art. 33", "Fig. 2").
_NUMERIC_ABBREVIATIONS = frozenset({"no", "nos", "vol", "pp", "fig", "art", "sec", "ch"})

_SENTENCE_OPENERS = _words(
    """
    the this that these those it its he she they we i you our their his her but and or
    so yet however in on at as a an there what why how when if while meanwhile such some
    many most all no one after before since still thus hence therefore instead also now
    then even despite although though
    """
)

# A line at least this long that stops without final punctuation, directly
# followed by another line, is taken to be hard-wrapped prose.
_WRAP_WIDTH = 60

# The line stops mid-sentence: no final punctuation before any closing quotes.
_OPEN_END_RE = re.compile(r"(?:\w|[,;\-–—])[\"'”’)]*$")

_OPENING_CHARS = "\"'“‘([«"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs of ``text``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n[ \t\r\f\v]*(?:\n[ \t\r\f\v]*)+", text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without the newline character."""
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl == -1:
            spans.append((pos, n))
            break
        spans.append((pos, nl))
        pos = nl + 1
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    """Group lines into units that may hold one or more sentences.

    Every non-blank line starts a block, except a line that continues
    hard-wrapped prose: the previous line ends without final punctuation and
    this one begins in lower case (and is not a list item).
    """
    blocks: list[list[int]] = []
    prev_open = False  # previous line ended mid-sentence
    prev_long = False  # ... and was as long as a hard-wrapped line
    for start, end in _lines(text):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            prev_open = False
            continue
        bullet = _BULLET_RE.match(line)
        if bullet:
            start += bullet.end()
        else:
            start += len(line) - len(line.lstrip())
        if prev_open and not bullet and (stripped[0].islower() or prev_long):
            blocks[-1][1] = end
        else:
            blocks.append([start, end])
        prev_open = bool(_OPEN_END_RE.search(stripped))
        prev_long = len(stripped) >= _WRAP_WIDTH
    return [(s, e) for s, e in blocks]


def _is_boundary(text: str, block_start: int, m: re.Match[str], block_end: int) -> bool:
    punct = m.group(1)
    nxt = m.end()
    if nxt >= block_end:
        return True
    ch = text[nxt]
    if ch.islower():
        return False
    if not (ch.isupper() or ch.isdigit() or ch in _OPENING_CHARS):
        return False
    if punct != ".":
        return True

    before = text[max(block_start, m.start() - 40) : m.start()]
    tok_m = _LAST_TOKEN_RE.search(before)
    token = tok_m.group(1).lstrip(_OPENING_CHARS) if tok_m else ""
    lower = token.lower()

    if ch.isdigit():
        # "Aug. 7. 2023", "No. 5", "pp. 10": a number after a number or a
        # numbering abbreviation continues the sentence.
        # ... and so does a dotted acronym before a number: "H.R. 4417", "U.N. 2720"
        return not (
            token.isdigit()
            or lower in _NUMERIC_ABBREVIATIONS
            or lower in _ABBREVIATIONS
            or _DOTTED_ACRONYM_RE.match(token.rstrip("."))
        )
    if lower in _NUMERIC_ABBREVIATIONS:
        return True
    if lower in _ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "Kim J. Lee"
    if _DOTTED_ACRONYM_RE.match(token):
        word = _NEXT_WORD_RE.match(text, nxt)
        return bool(word) and word.group(1).lower() in _SENTENCE_OPENERS
    return True


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    seg_start = start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        if _is_boundary(text, seg_start, m, end):
            pieces.append((seg_start, m.end(2)))
            seg_start = m.end()
    if seg_start < end:
        pieces.append((seg_start, end))
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with exact character offsets."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        for s, e in _split_block(text, block_start, block_end):
            chunk = text[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            s, e = s + lead, e - trail
            if s < e:
                sentences.append(Sentence(text[s:e], s, e))
    return sentences
