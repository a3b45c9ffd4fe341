"""A second opinion learned from the labelled texts: which sentences are calls, and to whom.

The rules (the rest of this package) say why a sentence is a call; they are
exact on the forms they know and blind to the ones they do not. New writers
keep finding new forms ("It would help if your office published the figures",
"Readers near the consulate might tell their MP", an organisation's own demand
in a quotation the rules took for someone else's), and every round
of rules caught only part of the next unseen set's misses. Two linear models,
trained on every labelled sentence in ``tests/data/`` (``manage.py
train_extraction_model``), read the same sentences by their words, the actors
they name and where they stand on the page, never by the rules' verdicts:

* the **call model** gives the probability that a sentence is a call. It never
  sees what the rules decided, so it is an independent reader: where the rules
  found nothing and it is sure (``ADD_AT``), the sentence is offered as a call,
  scored below the approval line, for an editor to check;
* the **addressee model** says who a call is for, from the words of the
  sentence, the actors it and its neighbours name, a list's introducer and
  whom the text as a whole addresses. Where it is fairly sure of another
  addressee than the rules' (``DOUBT_AT``) the call is scored below the
  approval line: a call approved unread has two readers agreeing on whom it
  asks. It replaces the rules' answer in one case only: where they fell back on
  the readers (an order with no one named: "Grant UNHCR access to them", "Do
  not send them back") and it is sure (``FROM_READERS_AT``) that the words ask
  what only a state or an office can do; in an urgent action or an open letter
  those are the points for the official the letter goes to. Elsewhere its
  answer overturned the rules' right ones (whom a speaker turns to, what a
  pronoun stands for) as often as their wrong ones.

Both are logistic regressions; their weights are in ``model.json`` beside this
module, and scoring them is a sum of weights, pure Python. The thresholds were
chosen on a round's held-out set before the models were trained on it (``ADD_AT``
and ``DOUBT_AT`` on ``dev9``, ``FROM_READERS_AT`` on ``dev10``), and each choice was
measured on a set nobody here had read (see ``manage.py evaluate_extraction`` and
the README).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from articles.extraction.confidence import UNSURE
from articles.extraction.sentences import Doc, is_boilerplate

MODEL_PATH = Path(__file__).with_name("model.json")

ADD_AT = 0.8  # call probability from which a sentence the rules passed over is offered
DOUBT_AT = 0.7  # from which another addressee of the model's keeps a call below approval
FROM_READERS_AT = 0.8  # from which the model's addressee replaces the rules' "the readers"

# What the reader adds to a call's doubts (confidence.doubts_about): a call only it found,
# one whose addressee it disputes, one whose addressee it chose instead of the readers
OFFERED = "only the learned reader"
DISPUTED = "addressee models disagree"
MOVED = "addressee from the learned reader"

# why the rules turned a directive form down (calls._judge), when the sentence shows it
SENTENCE_SAYS_WHOSE = frozenset({"reported", "attributed", "speaker", "subject"})

_MODAL_RE = re.compile(r"\b(?:must|should|ought|shall)(?:n[’']t)?\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|[0-9]+|[?!:;\"“”]")
_NAME_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
_CLOSING_RE = re.compile(r"[\s\"”’')\]]+$")


class LinearModel:
    """A logistic regression over named features: one class against the rest (``call``),
    or one score per class, turned into probabilities by softmax (``addressee``)."""

    def __init__(self, classes: list[str], bias: list[float], weights: dict[str, list[float]]):
        self.classes = classes
        self.bias = bias
        self.weights = weights

    @classmethod
    def from_dict(cls, data: dict) -> LinearModel:
        return cls(list(data["classes"]), list(data["bias"]), dict(data["weights"]))

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        scores = list(self.bias)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for k, weight in enumerate(row):
                    scores[k] += weight * value
        if len(self.classes) == 2:  # one score: the second class against the first
            p = 1 / (1 + math.exp(-max(-50.0, min(50.0, scores[0]))))
            return {self.classes[0]: 1 - p, self.classes[1]: p}
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}


@cache
def models() -> tuple[LinearModel, LinearModel] | None:
    """(call model, addressee model), or None where no model has been trained."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return LinearModel.from_dict(data["call"]), LinearModel.from_dict(data["addressee"])


def _words(text: str, pattern: re.Pattern[str] = _WORD_RE) -> list[str]:
    return pattern.findall(text.lower().replace("’", "'"))


def _ngrams(words: list[str], features: dict[str, float]) -> None:
    for word in words:
        features["w:" + word] = 1.0
    for first, second in zip(words, words[1:], strict=False):
        features[f"b:{first}_{second}"] = 1.0
    if words:
        features["first:" + words[0]] = 1.0


def call_features(doc: Doc, idx: int) -> dict[str, float]:
    """What the call model reads of sentence ``idx``: its words and word pairs, its first
    words, its length and closing mark, where it stands on the page (furniture, a list
    item, the header, a letter, a quotation) and the actors it names. Not the rules'
    verdict: the model is a second reader, not a copy of the first."""
    text = doc.sentences[idx].text
    words = _words(text)
    features: dict[str, float] = {}
    _ngrams(words, features)
    if len(words) > 1:
        features[f"first2:{words[0]}_{words[1]}"] = 1.0
    features[f"len:{min(len(text.split()) // 8, 6)}"] = 1.0
    features["end:" + (_CLOSING_RE.sub("", text)[-1:] or "_")] = 1.0
    layout, voice = doc.layout, doc.voice
    marks = {
        "furniture": idx in layout.furniture,
        "boilerplate": is_boilerplate(text, doc.alone(idx)),
        "bullet": idx in layout.bullet,
        "header": idx < layout.header_end,
        "has_lead": idx in layout.lead_in,
        "letter": idx in layout.letter_of,
        "report": voice.report,
        "after_colon": idx > 0 and doc.sentences[idx - 1].text.rstrip().endswith(":"),
    }
    features.update({name: 1.0 for name, on in marks.items() if on})
    quote = voice.quote_at(doc.sentences[idx].start + 1)
    if quote is not None:
        features["quote"] = 1.0
        if quote.own:
            features["quote_own"] = 1.0
    for _pos, actor in doc.mentions(idx)[:3]:
        features["actor:" + actor] = 1.0
    return features


def addressee_features(doc: Doc, idx: int) -> dict[str, float]:
    """What the addressee model reads of sentence ``idx``: its words, the actors it names
    (first, last, how often), those of the two sentences before and of a list's
    introducer, whom a letter or a speech is to, the text's home country and the actor
    it names most."""
    text = doc.sentences[idx].text
    features: dict[str, float] = {}
    _ngrams(_words(text, _NAME_WORD_RE), features)
    mentions = doc.mentions(idx)
    for n, (_pos, actor) in enumerate(mentions[:4]):
        features["m:" + actor] = features.get("m:" + actor, 0.0) + 1.0
        if n == 0:
            features["m0:" + actor] = 1.0
    if mentions:
        features["mlast:" + mentions[-1][1]] = 1.0
    else:
        features["nomention"] = 1.0
    layout = doc.layout
    features["home:" + layout.home] = 1.0
    context = {
        "to:": layout.addressed_to,
        "letter:": layout.letter_of.get(idx),
        "addr_of:": layout.address_of.get(idx),
        "main:": doc.main_actor,
        "reviewed:": layout.reviewed,
    }
    features.update({name + str(value): 1.0 for name, value in context.items() if value})
    lead = layout.lead_in.get(idx)
    if lead is not None:
        for _pos, actor in doc.mentions(lead)[:2]:
            features["lead_m:" + actor] = 1.0
        for word in _words(doc.sentences[lead].text, _NAME_WORD_RE)[:6]:
            features["lead_w:" + word] = 1.0
    for before in range(max(0, idx - 2), idx):
        for _pos, actor in doc.mentions(before)[:2]:
            features["prev:" + actor] = 1.0
    return features


def review(doc: Doc, calls: list, turned_down: dict[int, frozenset[str]], offer) -> list:
    """The rules' ``calls`` seen by the models: the addressee checked (and replaced where
    the rules fell back on the readers; see the module notes), and the sentences the
    rules passed over that the call model is sure of offered, each made into a call by
    ``offer(idx, addressee, probability)``. Calls keep document order.

    ``turned_down`` says why the rules passed over a sentence in which they saw a
    directive form. Where the sentence itself says whose the demand is ("Activists
    say China must stop ...", "Under the Convention, states must ...", a demand of
    a speaker the text only reports), the rules have read it right and the model,
    which reads words, would see a call's words: those stay passed over. Where
    only a quotation's speaker was not recognised as the text's own, or no
    addressee was found, the rules' weakest parts, the model may offer it. A sentence
    with a deontic modal in which the rules saw no demand at all stays passed over too:
    telling "must" and "should" of duty from those of likelihood, of a thing's nature
    or of the writer's remark ("It should be noted ...", "The answer should be to
    wait") is what the rules do best; what they miss are forms with no modal ("please
    ..." after a greeting, "It would help if ...", "Readers might tell ...")."""
    pair = models()
    if pair is None:
        return calls
    call_model, addressee_model = pair
    by_start = {call.start: call for call in calls}
    reviewed = []
    for idx, sentence in enumerate(doc.sentences):
        call = by_start.pop(sentence.start, None)
        if call is None:
            reasons = turned_down.get(idx, frozenset())
            if reasons & SENTENCE_SAYS_WHOSE:
                continue
            if _MODAL_RE.search(sentence.text) and "quoted" not in reasons:
                continue
            p = call_model.probabilities(call_features(doc, idx))["1"]
            if p < ADD_AT:
                continue
        addressees = addressee_model.probabilities(addressee_features(doc, idx))
        addressee = max(addressees, key=addressees.__getitem__)
        if call is None:
            offered = offer(idx, addressee, p)
            if offered is not None:
                reviewed.append(offered)
            continue
        if (
            call.addressee == "public"
            and addressee != "public"
            and addressees[addressee] >= FROM_READERS_AT
        ):
            call = replace(
                call,
                addressee=addressee,
                score=min(call.score, UNSURE),
                doubts=(*call.doubts, MOVED),
            )
        elif addressee != call.addressee and addressees[addressee] >= DOUBT_AT:
            call = replace(
                call,
                score=min(call.score, UNSURE),
                doubts=(*call.doubts, DISPUTED),
            )
        reviewed.append(call)
    reviewed.extend(by_start.values())  # a call on a span that is no sentence of its own
    return sorted(reviewed, key=lambda call: call.start)

