"""Score calls to action against labelled documents.

The labels follow ``tests/data/seed_calls_to_action.json``: one entry per
document with its ``file``, optional ``genre``, the ``calls_to_action``
(``sentence``, ``addressee``, ``borderline``) and the ``hard_negatives``
(``sentence``, ``category``, ``why``).

How predictions are counted:

* A prediction matches a labelled call when their offsets overlap or their
  normalised texts are equal. Every occurrence of a labelled sentence in the
  text counts separately, so a page captured twice needs both copies found.
* A labelled sentence is looked up exactly, then with any run of white space
  standing for any other (a label is written on one line, the text may wrap).
* Borderline calls count neither way: found or missed, right or wrong
  addressee, they change no figure.
* Precision, recall and F1 are over calls; addressee accuracy is over the
  calls found (true positives).
* Calibration: of the predictions scored at least ``CONFIDENT`` (the score at
  which the demo approves points), the share whose sentence is a labelled
  call and whose addressee is right. Predictions on borderline calls are left
  out.
* Hard negatives that are predicted are listed by category.

Pure Python, no Django. :func:`score_document` takes the predictions;
:func:`evaluate` takes an ``extract`` function (text -> calls) and uses the
call-to-action extractor when given none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

CONFIDENT = 0.85

# (set name, [(part name, labels file, text folder)], genre of documents labelled without one)
LABELLED_SETS = (
    (
        "seeds",
        [("seeds", "tests/data/seed_calls_to_action.json", "articles/editorials")],
        "editorial",
    ),
    (
        "development",
        [
            ("first", "tests/data/extraction/expected_calls.json", "tests/data/extraction"),
            ("dev", "tests/data/extraction/dev/labels.json", "tests/data/extraction/dev"),
            ("dev2", "tests/data/extraction/dev2/labels.json", "tests/data/extraction/dev2"),
            ("dev3", "tests/data/extraction/dev3/labels.json", "tests/data/extraction/dev3"),
            ("dev4", "tests/data/extraction/dev4/labels.json", "tests/data/extraction/dev4"),
            ("dev5", "tests/data/extraction/dev5/labels.json", "tests/data/extraction/dev5"),
            ("dev6", "tests/data/extraction/dev6/labels.json", "tests/data/extraction/dev6"),
            ("dev7", "tests/data/extraction/dev7/labels.json", "tests/data/extraction/dev7"),
            ("dev8", "tests/data/extraction/dev8/labels.json", "tests/data/extraction/dev8"),
            ("dev9", "tests/data/extraction/dev9/labels.json", "tests/data/extraction/dev9"),
            ("dev10", "tests/data/extraction/dev10/labels.json", "tests/data/extraction/dev10"),
        ],
        "editorial",
    ),
    (
        "heldout",
        [
            (
                "heldout",
                "tests/data/extraction/heldout/labels.json",
                "tests/data/extraction/heldout",
            )
        ],
        "unspecified",
    ),
)

# The label files write the readers' class as "public/readers"; the extractor says "public".
_ADDRESSEE_ALIASES = {"public/readers": "public", "readers": "public"}


class Prediction(Protocol):
    sentence: str
    start: int
    end: int
    addressee: str
    score: float


@dataclass
class Tally:
    """Counts for one document, or summed over several (``a + b``)."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    addressee_right: int = 0
    confident: int = 0
    confident_right: int = 0
    documents: int = 0
    details: list[dict[str, Any]] = field(default_factory=list)

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
            self.addressee_right + other.addressee_right,
            self.confident + other.confident,
            self.confident_right + other.confident_right,
            self.documents + other.documents,
            self.details + other.details,
        )

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        labelled = self.true_positives + self.false_negatives
        return self.true_positives / labelled if labelled else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def addressee_accuracy(self) -> float:
        return self.addressee_right / self.true_positives if self.true_positives else 1.0

    @property
    def calibration(self) -> float | None:
        """Share of confident predictions that are right; None when there are none."""
        return self.confident_right / self.confident if self.confident else None

    @property
    def hard_negatives_reported(self) -> list[dict[str, Any]]:
        return [d for d in self.details if d["kind"] == "hard_negative"]

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "addressee_accuracy": self.addressee_accuracy,
            "calibration": self.calibration,
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "confident": self.confident,
            "confident_right": self.confident_right,
            "documents": self.documents,
            "details": self.details,
        }


def normalise(sentence: str) -> str:
    """Compare sentences without regard to quote style, case or spacing."""
    s = sentence.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def find_spans(text: str, sentence: str) -> list[tuple[int, int]]:
    """Every place ``sentence`` occurs in ``text``, exactly or with other white space."""
    spans = []
    pos = text.find(sentence)
    while pos != -1:
        spans.append((pos, pos + len(sentence)))
        pos = text.find(sentence, pos + 1)
    if spans or not sentence.split():
        return spans
    loose = r"\s+".join(re.escape(word) for word in sentence.split())
    return [m.span() for m in re.finditer(loose, text)]


@dataclass
class _Gold:
    sentence: str
    span: tuple[int, int]
    addressee: str
    borderline: bool
    found: bool = False


def gold_calls(text: str, entry: Mapping[str, Any]) -> list[_Gold]:
    golds = []
    for item in entry.get("calls_to_action", []):
        sentence = str(item["sentence"])
        spans = find_spans(text, sentence)
        if not spans and "char_start" in item:
            start = int(item["char_start"])
            spans.append((start, start + len(sentence)))
        addressee = _ADDRESSEE_ALIASES.get(str(item["addressee"]), str(item["addressee"]))
        golds.extend(
            _Gold(sentence, span, addressee, bool(item.get("borderline", False))) for span in spans
        )
    return golds


def _overlaps(call: Prediction, span: tuple[int, int]) -> bool:
    return call.start < span[1] and span[0] < call.end


def score_document(text: str, entry: Mapping[str, Any], predictions: Iterable[Prediction]) -> Tally:
    """Count one document's predictions against its labels (see the module notes)."""
    name = str(entry["file"])
    tally = Tally(documents=1)
    golds = gold_calls(text, entry)
    negatives = [
        (span, negative)
        for negative in entry.get("hard_negatives", [])
        for span in find_spans(text, str(negative["sentence"]))
    ]

    def note(kind: str, **extra: Any) -> None:
        tally.details.append({"file": name, "kind": kind, **extra})

    for call in predictions:
        confident = call.score >= CONFIDENT
        call_dict = _as_dict(call)
        match = None
        for gold in golds:
            same_text = normalise(call.sentence) == normalise(gold.sentence)
            if _overlaps(call, gold.span) or (same_text and not gold.found):
                match = gold
                break
        if match is None:
            tally.false_positives += 1
            tally.confident += confident
            negative = next((n for span, n in negatives if _overlaps(call, span)), None)
            if negative is not None:
                note("hard_negative", category=negative.get("category"), call=call_dict)
            else:
                note("false_positive", call=call_dict)
            continue
        if match.borderline:
            match.found = True
            continue
        if match.found:
            continue  # a second prediction on a call already counted
        match.found = True
        tally.true_positives += 1
        right = call.addressee == match.addressee
        tally.addressee_right += right
        tally.confident += confident
        tally.confident_right += confident and right
        if not right:
            note("wrong_addressee", expected=match.addressee, call=call_dict)
    for gold in golds:
        if not gold.found and not gold.borderline:
            tally.false_negatives += 1
            note("missed", sentence=gold.sentence, expected=gold.addressee)
    return tally


def _as_dict(call: Prediction) -> dict[str, Any]:
    as_dict = getattr(call, "as_dict", None)
    if as_dict is not None:
        return as_dict()
    return {k: getattr(call, k) for k in ("sentence", "start", "end", "addressee", "score")}


def score_documents(
    documents: Mapping[str, str],
    gold: Iterable[Mapping[str, Any]],
    extract: Callable[[str], Sequence[Prediction]],
) -> list[tuple[Mapping[str, Any], Tally]]:
    """(label entry, tally) for every labelled document, predictions made by ``extract``."""
    results = []
    for entry in gold:
        text = documents[str(entry["file"])]
        results.append((entry, score_document(text, entry, extract(text))))
    return results


def total(tallies: Iterable[Tally]) -> Tally:
    return sum(tallies, Tally())


def by_genre(
    results: Iterable[tuple[Mapping[str, Any], Tally]], default: str = "unspecified"
) -> dict[str, Tally]:
    """Tallies summed per ``genre`` label, in order of first appearance."""
    genres: dict[str, Tally] = {}
    for entry, tally in results:
        genre = str(entry.get("genre") or default)
        genres[genre] = genres.get(genre, Tally()) + tally
    return genres


def evaluate(
    documents: Mapping[str, str],
    gold: Iterable[Mapping[str, Any]],
    extract: Callable[[str], Sequence[Prediction]] | None = None,
) -> dict[str, Any]:
    """All documents' figures in one dict (precision, recall, f1, details, ...).

    ``extract`` defaults to the call-to-action extractor.
    """
    if extract is None:
        from articles.extraction import extract_calls as extract
    return total(t for _entry, t in score_documents(documents, gold, extract)).as_dict()


def load_labelled(labels_path: Path | str, text_dir: Path | str):
    """(documents by file name, label entries) of a labels file and its text folder."""
    gold = json.loads(Path(labels_path).read_text(encoding="utf-8"))["documents"]
    documents = {
        entry["file"]: (Path(text_dir) / entry["file"]).read_text(encoding="utf-8")
        for entry in gold
    }
    return documents, gold
