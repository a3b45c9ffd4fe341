"""Putting the parts together: one :class:`Call` per sentence that is a demand.

The score says how far to trust a call without reading it; editors (and
``load_demo``) approve at 0.85. Each rule starts from how reliably its form
is a demand (a named subject with "must", the speaker's own "urges": 0.9 and
more; an imperative: 0.7 to 0.8; "X could": 0.6) and loses what its
addressee rests on assumptions:

* a pronoun's antecedent (-0.12), an agentless demand's actor (-0.15),
  a passive's (-0.15 to -0.3);
* "the Government", "lawmakers" of a text that does not say which country it
  comes from (-0.12);
* any single other actor (-0.15): the campaign's own letters go to the
  three governments and the UN, so these are the ones an editor should see;
* a third-person demand or a quotation that is the document's own only because
  a speaker never named ("a coalition of groups") was taken for its voice
  (-0.15);
* a passive or agentless demand whose actor is inferred from who the text shows
  doing the conduct, or whom it keeps urging (-0.25 to -0.3).

Then the approval line: a call that rests on anything besides the text's own
voice, a directive form and the actor it names (a pronoun, a letter's "you", a
list, an inferred agent, a speaker named only once, a suggestion, a line
without a full stop ...) is scored at most 0.8 (:mod:`.confidence`), so that
the calls scored 0.85 or more can be approved unread on texts nobody has
checked. The share of those with call and addressee right is printed by
``manage.py evaluate_extraction``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from articles.extraction.addressees import resolve
from articles.extraction.clauses import subject_before
from articles.extraction.confidence import UNSURE, doubts_about
from articles.extraction.demands import demand_hits, that_item_hits
from articles.extraction.imperatives import imperative_hits
from articles.extraction.layout import analyse
from articles.extraction.learned import OFFERED, review
from articles.extraction.orders import order_addressee
from articles.extraction.phrasing import ensure_clause, make_ask, name_the_policy
from articles.extraction.sentences import Doc, is_boilerplate, prepare
from articles.extraction.triggers import (
    MAX_HITS,
    WINDOW,
    modal_hits,
    necessity_hits,
    only_way_hits,
    request_question_hits,
)
from articles.extraction.voice import LEGAL_RE, find_voice, leading_subject, own_clause

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
    """One call to action found in a text.

    ``doubts`` names what the call rests on besides the words of the sentence
    (see :func:`doubts_about`); a call with any scores below the approval line.
    """

    sentence: str
    start: int
    end: int
    addressee: str
    ask: str
    score: float
    doubts: tuple[str, ...] = field(default=(), compare=False)

    def as_dict(self) -> dict[str, object]:
        """The call as printed by ``extract_talking_points --json``."""
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "addressee": self.addressee,
            "ask": self.ask,
            "score": self.score,
        }


# Words without which none of the rules but the imperative one can fire.
TRIGGER_RE = re.compile(
    r"\b(?:should|must|ought|needs?|needed|ha(?:s|ve)|had|would|urg\w*|call\w*|appeal\w*"
    r"|implor\w*|ask\w*|demand\w*|request\w*|beseech\w*|press\w*|encourag\w*|exhort\w*"
    r"|invit\w*|challeng\w*|recommend\w*|wants?|wanted|like|it|this|only|best|right|sole"
    r"|surest|one|first|most|cannot|can|could|mustn|shouldn|now|time|grateful|obliged"
    r"|appreciate|answer|solution|remedy)\b",
    re.IGNORECASE,
)


# An introducer whose items are verb phrases: "We urge the authorities to:",
# "The Government should:", "We recommend that the Government of China:".
_VERB_LIST_RE = re.compile(
    r"(?:\bto|\bshould|\bmust|\bshall|\brecommends?\s+that\s+[^:]{2,80})\s*:\s*$",
    re.IGNORECASE,
)


# A sentence that is only a subjunctive clause: a mandate, as a report or motion words it
_MANDATE_RE = re.compile(r"(?:\(?[a-z0-9]{1,4}[.)]\s+)?That\s+(?!is\b|was\b|said\b|'s\b)")
_RECOMMEND_LEAD_RE = re.compile(r"\b(?:recommend|urge|request|ask|propose)s?\b[^:]*:\s*$", re.I)
_MODAL_KINDS = frozenset({"modal", "modal_passive", "modal_be", "cannot", "could", "can"})
_DEMAND_KINDS = frozenset({"urge", "call_for", "demand_passive"})
_PRONOUN_SPEAKERS = frozenset({"they", "she", "he", "it"})
_PLAIN_END_RE = re.compile(r"[\s.!?;:,]+$")


def speaks_for_document(doc: Doc, idx: int, speaker: str | None) -> bool:
    """Whether the one who makes a demand (``Hit.speaker``) is the document's voice."""
    if speaker is None:
        return False
    voice = doc.voice
    first = speaker.split(" ", 1)[0]
    if first.lower() in _PRONOUN_SPEAKERS:
        speaker = first  # "He reiterates his call on ...": the pronoun is the speaker
    if speaker == "":
        # "2. Urges the Government ...", "- Calling on the authorities to ...": the
        # document's own paragraphs; not "Asked whether ..., she said ..."
        verb = doc.sentences[idx].text.lstrip("\"“'‘([").split(" ", 1)[0].lower()
        return not voice.report and (verb.endswith("s") or verb.endswith("ing"))
    if speaker.lower() in _PRONOUN_SPEAKERS:
        # "The Government has long asked ..., and it again urges ...": this sentence's
        # own subject first
        text = doc.sentences[idx].text
        if not re.match(rf"[\"“'‘(]*{re.escape(speaker)}\b", text, re.IGNORECASE):
            subject = leading_subject(text)
            if subject and subject.lower() not in _PRONOUN_SPEAKERS:
                return voice.is_own(subject)
        # "They further called on ...": whoever the last sentences were about; a
        # quotation's first words are not its speaker ('"No agreement can ...," they said.')
        for j in range(idx - 1, max(-1, idx - 4), -1):
            if doc.sentences[j].text.startswith(("“", '"')):
                continue
            subject = leading_subject(doc.sentences[j].text)
            if subject.lower() not in _PRONOUN_SPEAKERS:
                return voice.is_own(subject)
        return False
    return voice.is_own(speaker)


def _third_person_own(hit, quote) -> bool:
    """Whether a demand is the document's only because its third-person speaker, or
    someone quoted, was taken for the document's voice."""
    if quote is not None and quote.who:
        return (quote.who or "").strip().lower() not in {"we", "i"}
    speaker = (hit.speaker or "").strip().lower()
    return hit.kind in _DEMAND_KINDS and speaker not in {"", "we", "i", "us"}


def judge(doc: Doc, idx: int) -> Call | None:
    return _judge(doc, idx)[0]


def _judge(doc: Doc, idx: int) -> tuple[Call | None, bool, frozenset[str]]:
    """The best call in sentence ``idx``, whether it is an agentless headline, and, when
    there is none, why each directive form seen in it was turned down ("quoted": someone
    else's words, "reported", "attributed", "speaker", "subject", "nobody", "no ask";
    see :func:`.learned.review`)."""
    sent = doc.sentences[idx]
    text = sent.text
    if idx in doc.layout.furniture or is_boilerplate(text, doc.alone(idx)):
        return None, False, frozenset()
    lead = doc.layout.lead_in.get(idx)
    if text.rstrip(" \"”’')").endswith("?"):
        hits = request_question_hits(text)  # only a request put as a question
    else:
        hits = imperative_hits(
            text,
            any_verb=lead is not None and bool(_VERB_LIST_RE.search(doc.sentences[lead].text)),
            short=idx not in doc.layout.alone or text.rstrip().endswith("!"),
        )
        if TRIGGER_RE.search(text):
            hits += demand_hits(text) + necessity_hits(text) + only_way_hits(text)
            hits += modal_hits(text)
        if (
            lead is not None and _RECOMMEND_LEAD_RE.search(doc.sentences[lead].text)
        ) or _MANDATE_RE.match(text):
            # "I recommend: (a) That States use ...", a report's "Recommendation 1 / That
            # the Government raise ...": the subjunctive of a mandate
            hits += that_item_hits(text)
    hits = hits[:MAX_HITS]
    voice = doc.voice
    best: Call | None = None
    headline = False
    turned_down = set()
    for hit in hits:
        quote = voice.quote_at(sent.start + hit.vp_start)
        if quote is not None and not quote.own:
            turned_down.add("quoted")
            continue  # someone else's words
        window_start = max(0, hit.vp_start - WINDOW)
        if quote is not None:
            window_start = max(window_start, quote.start - sent.start)
        prefix = own_clause(text[window_start : hit.vp_start])
        subject: str | None = hit.subject
        if hit.kind in _MODAL_KINDS:
            # "... our compatriots under our Constitution, and you should ...": a legal
            # frame holds for its own clause, not for one joined after it
            clause = re.split(r",\s+(?:and|but|so|yet)\s+", prefix)[-1]
            if voice.reports(prefix) or LEGAL_RE.search(clause):
                turned_down.add("reported")
                continue
            if quote is None and voice.attributed_to_other(text, hit.vp_start):
                turned_down.add("attributed")
                continue
            subj = subject_before((hit.subject or "")[-WINDOW:])
            if not subj.ok:
                turned_down.add("subject")
                continue
            subject = subj.text
        elif hit.kind in _DEMAND_KINDS:
            if not speaks_for_document(doc, idx, hit.speaker):
                turned_down.add("speaker")
                continue
        elif voice.reports(prefix):
            turned_down.add("reported")
            continue
        elif quote is None and voice.attributed_to_other(text, hit.vp_start):
            turned_down.add("attributed")
            continue  # "Stop the deportations, activists tell Beijing"
        if hit.kind == "imperative":
            resolved = order_addressee(doc, idx, hit)
        else:
            resolved = resolve(doc, idx, hit, subject)
        if resolved is None:
            turned_down.add("nobody")
            continue
        addressee, adjust = doc.home(resolved.addressee), resolved.adjust
        if resolved.addressee == "home" and not doc.layout.home_known:
            adjust -= 0.12  # "the government" of a text that does not say where it is from
        score = hit.base + adjust
        if addressee == "other":
            score -= 0.15
        if voice.generic and _third_person_own(hit, quote):
            score -= 0.15  # own only if "a coalition of groups" is the text's speaker
        doubts = doubts_about(doc, idx, hit, quote, resolved, subject)
        if doubts:
            score = min(score, UNSURE)
        score = round(min(0.99, max(0.05, score)), 2)
        if resolved.thing and hit.kind in {"modal", "necessity"}:
            ask = ensure_clause(text, hit, subject or "")
        else:
            ask = make_ask(text, hit, addressee, subject)
            ask = name_the_policy(ask, doc.text[max(0, sent.start - 4000) : sent.start])
        if not ask:
            turned_down.add("no ask")
            continue
        call = Call(text, sent.start, sent.end, addressee, ask, score, tuple(doubts))
        if best is None or call.score > best.score:
            best, headline = call, resolved.headline
    return best, headline, frozenset() if best else frozenset(turned_down)


def extract_calls(text: str, learned: bool = True) -> list[Call]:
    """Every call to action in ``text``, in document order (see module docs);
    ``learned=False``: the rules' alone, without the learned models' review."""
    doc = prepare(text)
    doc.layout = analyse(doc)
    doc.voice = find_voice(doc)
    calls, headlines, readers, turned_down = [], [], [], {}
    for idx in range(len(doc.sentences)):
        call, headline, rejected = _judge(doc, idx)
        if rejected:
            turned_down[idx] = rejected
        if call is not None:
            calls.append(call)
            headlines.append(headline)
            readers.append(_readers_words(doc, idx))
    calls = _headlines_as_in_the_body(calls, headlines, readers)
    if not learned:
        return calls
    return review(
        doc, calls, turned_down, lambda idx, addressee, p: _offered(doc, idx, addressee, p)
    )


def _offered(doc: Doc, idx: int, addressee: str, probability: float) -> Call | None:
    """A sentence the rules passed over and the call model is sure of, as a call for
    an editor to check: scored below the approval line whatever the probability, its ask
    cut from the first directive form in it, or the sentence itself."""
    sent = doc.sentences[idx]
    text = sent.text
    hits = imperative_hits(text, any_verb=True, short=True) + demand_hits(text) + modal_hits(text)
    ask = make_ask(text, hits[0], addressee, hits[0].subject) if hits else ""
    ask = ask or _PLAIN_END_RE.sub("", text.strip(" \"“”'‘’"))
    if not ask:
        return None
    ask = ask[0].upper() + ask[1:]
    score = round(min(UNSURE, probability - 0.2), 2)
    return Call(text, sent.start, sent.end, addressee, ask, score, (OFFERED,))


def _readers_words(doc: Doc, idx: int) -> bool:
    """Whether sentence ``idx`` is in a letter or wording offered to the reader to send."""
    if idx in doc.layout.letter_of:
        return True
    quote = doc.voice.quote_at(doc.sentences[idx].start + 1)
    return quote is not None and quote.own and quote.who is None


def _headlines_as_in_the_body(
    calls: list[Call], headlines: list[bool], readers: list[bool]
) -> list[Call]:
    """A headline sums up the text below it: "Press China to end the returns" is for
    whoever the body asks to press China ("The Government should ... press China").
    Not what the reader's own letter asks: "Ask the minister to raise the case" is
    still the reader's to do when the model letter says "I ask you to raise ..."."""
    for n, call in enumerate(calls):
        if not headlines[n]:
            continue
        verb = call.ask.split(" ", 1)[0].lower()
        for m in range(n + 1, len(calls)):
            later = calls[m]
            if later.addressee == "public" or headlines[m] or readers[m]:
                continue
            if later.ask.split(" ", 1)[0].lower() == verb or re.search(
                rf"\bto\s+{re.escape(verb)}\b", later.sentence, re.IGNORECASE
            ):
                calls[n] = replace(call, addressee=later.addressee)
                break
    return calls
