"""Putting the parts together: one :class:`Call` per sentence that is a demand."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from articles.extraction.addressees import resolve
from articles.extraction.clauses import subject_before
from articles.extraction.layout import analyse
from articles.extraction.phrasing import ensure_clause, make_ask, name_the_policy
from articles.extraction.sentences import Doc, is_boilerplate, prepare
from articles.extraction.triggers import (
    MAX_HITS,
    WINDOW,
    imperative_hits,
    modal_hits,
    necessity_hits,
    only_way_hits,
    urge_hits,
)
from articles.extraction.voice import (
    LEGAL_RE,
    TRAILING_ATTRIBUTION_RE,
    inside_quote,
    own_clause,
    reported,
)

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


# Words without which none of the rules but the imperative one can fire.
TRIGGER_RE = re.compile(
    r"\b(?:should|must|ought|needs?|ha(?:s|ve)|had|would|urge|call|appeal|implore|ask|demand"
    r"|request|beseech|press|encourage|exhort|invite|challenge|it|this|only|best|right|sole"
    r"|surest|one|first|most|cannot|can|mustn|shouldn|now|time)\b",
    re.IGNORECASE,
)


def judge(doc: Doc, idx: int) -> Call | None:
    sent = doc.sentences[idx]
    text = sent.text
    if idx in doc.layout.furniture or is_boilerplate(text) or text.rstrip().endswith("?"):
        return None
    hits = imperative_hits(text)
    if TRIGGER_RE.search(text):
        hits += urge_hits(text) + necessity_hits(text) + only_way_hits(text)
        hits += modal_hits(text)
    hits = hits[:MAX_HITS]
    best: Call | None = None
    for hit in hits:
        prefix = own_clause(text[max(0, hit.vp_start - WINDOW) : hit.vp_start])
        subject: str | None = hit.subject
        if hit.kind in {"modal", "modal_passive", "cannot"}:
            if reported(prefix) or inside_quote(prefix) or LEGAL_RE.search(prefix):
                continue
            if TRAILING_ATTRIBUTION_RE.search(text, max(hit.vp_start, len(text) - 200)):
                continue
            subj = subject_before((hit.subject or "")[-WINDOW:])
            if not subj.ok:
                continue
            subject = subj.text
        elif inside_quote(prefix) or (hit.kind != "urge" and reported(prefix)):
            continue
        resolved = resolve(doc, idx, hit, subject)
        if resolved is None:
            continue
        addressee, adjust = resolved.addressee, resolved.adjust
        score = hit.base + adjust
        if addressee == "other":
            score -= 0.15
        score = round(min(0.99, max(0.05, score)), 2)
        if resolved.thing and hit.kind == "modal":
            ask = ensure_clause(text, hit, subject or "")
        else:
            ask = make_ask(text, hit, addressee, subject)
            ask = name_the_policy(ask, doc.text[max(0, sent.start - 4000) : sent.start])
        if not ask:
            continue
        call = Call(text, sent.start, sent.end, addressee, ask, score)
        if best is None or call.score > best.score:
            best = call
    return best


def extract_calls(text: str) -> list[Call]:
    """Every call to action in ``text``, in document order (see module docs)."""
    doc = prepare(text)
    doc.layout = analyse(doc)
    calls = []
    for idx in range(len(doc.sentences)):
        call = judge(doc, idx)
        if call is not None:
            calls.append(call)
    return calls
