"""Confidence: what a call rests on besides its own words.

Editors (and ``load_demo``) approve calls scored 0.85 or more without reading
them, so that line must hold on texts nobody has checked. A call reaches it
only on three pieces of evidence that do not depend on one another:

* **the voice is the document's own, on the page**: "we", "I", a resolution's
  own paragraph ("3. Urges ..."), or an organisation whose name the text
  establishes in more than one way (its header, the dateline of its lead, its
  notes) and does not only describe ("a coalition of groups");
* **a directive form**: a deontic modal ("must", "should"), a demand verb
  ("urges X to", "calls on X to"), a necessity with its agent ("It is time for
  Seoul to ..."); not "could", "can", an imperative, "calls for", a passive
  wish or a request put as a question;
* **the actor named**: the subject or object names one of the addressee
  classes itself ("the Chinese authorities", "UNHCR"), not by a pronoun, a
  "you" whose referent the letter or petition supplies, a list's introducer,
  a bare office ("the ministry"), the text's guessed country (a bare
  "Parliament" or "MPs" in a text that never names the country they sit in;
  "our government" says whose it is), or an agent inferred from who does what
  a passive asks to stop.

Whatever a call rests on besides these is a *doubt*; a call with a doubt is
scored at most ``UNSURE``, below the approval line, however strong its form.
Lines that look like page furniture (a heading, a list item, a line without
final punctuation, a fragment of three words) are doubts too: most of the
furniture taken for calls stands on such lines.
"""

from __future__ import annotations

import re

UNSURE = 0.8  # the highest score of a call with a doubt

# Forms that ask less than a demand: a suggestion, an order to whoever reads,
# an end asked of nobody in particular, a wish in the passive, a question.
_WEAK_KINDS = frozenset(
    {"could", "can", "imperative", "call_for", "demand_passive", "necessity_that", "question"}
)
_FIRST_PERSON = frozenset({"we", "i", "us"})
_PRONOUNS = frozenset({"they", "she", "he", "it"})
# an organisation's voice is taken as settled from this much evidence (voice module)
_SETTLED_EVIDENCE = 5.0
_TERMINAL_RE = re.compile(r"[.!?…;][\"'”’)\]]*$")


def doubts_about(doc, idx: int, hit, quote, resolved, subject: str | None) -> list[str]:
    """What a call in sentence ``idx`` rests on besides its words (see the module notes);
    ``subject`` is the demand's subject as written, if it has one."""
    doubts = []
    if resolved.doubt:
        doubts.append(resolved.doubt)
    own = re.match(r"(?:our|my)\b", (subject or "").strip(), re.IGNORECASE)
    if resolved.addressee == "home" and not (doc.layout.home_named or own):
        # "Parliament should ...", "the Government must ...": whose, only where the
        # text comes from says, and this text never names that country ("our
        # government" says whose it is)
        doubts.append("country")
    if hit.kind in _WEAK_KINDS or hit.base < 0.85:
        doubts.append("weak form")
    doubts += _voice_doubts(doc, idx, hit, quote, subject)
    text = doc.sentences[idx].text.strip()
    # a headline may make the text's demand without a full stop; a line in the body
    # without one is a list item, a caption, a label or a fragment
    unpunctuated = not _TERMINAL_RE.search(text) and idx >= doc.layout.header_end
    # a numbered paragraph that urges or calls on someone is a resolution's or a
    # statement's own (operative) paragraph, not a fragment of a list
    item = idx in doc.layout.bullet and hit.kind != "urge"
    if item or unpunctuated or len(text.split()) < 4:
        doubts.append("layout")
    return doubts


def _voice_doubts(doc, idx: int, hit, quote, subject: str | None) -> list[str]:
    voice = doc.voice
    first_person = (subject or hit.speaker or "").strip().lower() in _FIRST_PERSON
    if voice.report and not (quote is None and first_person):
        # a news story's own asks are rare, and its third person is others' voice; a
        # text taken for a report by mistake still says "we" in its own voice
        return ["report"]
    if quote is not None:
        who = (quote.who or "").strip().lower()
        if not who:
            return ["offered words"]  # a model letter, words the reader is given to use
        if who not in _FIRST_PERSON and not _settled(voice):
            return ["third person"]
        return []
    speaker = (hit.speaker or "").strip().lower()
    if hit.speaker is None or speaker in _FIRST_PERSON or speaker == "":
        return []
    if speaker in _PRONOUNS:
        return ["third person"]  # "They also urged ...": whoever the sentences before name
    return [] if _settled(voice) else ["third person"]


def _settled(voice) -> bool:
    """Whether the text establishes its third-person speaker beyond one sign of it."""
    return not voice.generic and voice.evidence >= _SETTLED_EVIDENCE
