"""Train the extractor's learned reader (:mod:`articles.extraction.learned`).

Every sentence of every labelled text is an example for the call model: a
labelled call is a positive, a borderline call is left out, every other
sentence (hard negatives, furniture, plain prose) a negative. Every labelled
call that is not borderline is an example for the addressee model. Features
seen only once are dropped (a word one text used once teaches nothing), and
weights are kept to three decimals and features whose weights are all negligible
dropped, so the model file stays small and the same
labels always give the same file.

Fitting uses scikit-learn's logistic regression (``pip install -e '.[learn]'``,
or ``make model``); the extractor itself needs only the weights. Pure Python
apart from that, no Django.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from articles.evaluation import gold_calls
from articles.extraction.layout import analyse
from articles.extraction.learned import addressee_features, call_features
from articles.extraction.sentences import Doc, prepare
from articles.extraction.voice import find_voice

REGULARISATION = 3.0  # scikit-learn's C: chosen on an earlier round's held-out set
MIN_COUNT = 2
NEGLIGIBLE = 0.01  # a feature whose weights are all smaller changes no decision


def _analysed(text: str) -> Doc:
    doc = prepare(text)
    doc.layout = analyse(doc)
    doc.voice = find_voice(doc)
    return doc


def examples(
    labelled: Iterable[tuple[str, Mapping[str, Any]]],
) -> Iterator[tuple[dict[str, float], dict[str, float] | None, int, str | None]]:
    """For each sentence of each (text, label entry): its call features, its addressee
    features (calls only), whether it is a call, and whom it is for."""
    for text, entry in labelled:
        golds = gold_calls(text, entry)
        doc = _analysed(text)
        for idx, sentence in enumerate(doc.sentences):
            gold = next(
                (g for g in golds if sentence.start < g.span[1] and g.span[0] < sentence.end),
                None,
            )
            if gold is not None and gold.borderline:
                continue
            if gold is None:
                yield call_features(doc, idx), None, 0, None
            else:
                yield call_features(doc, idx), addressee_features(doc, idx), 1, gold.addressee


def _frequent(rows: list[dict[str, float]]) -> list[dict[str, float]]:
    counts = Counter(name for row in rows for name in row)
    return [{k: v for k, v in row.items() if counts[k] >= MIN_COUNT} for row in rows]


def _fit(rows: list[dict[str, float]], labels: list[str]) -> dict[str, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(_frequent(rows))
    model = LogisticRegression(C=REGULARISATION, max_iter=10_000).fit(matrix, labels)
    names = vectoriser.get_feature_names_out()
    weights = {}
    for column, name in enumerate(names):
        row = [round(float(w), 3) for w in model.coef_[:, column]]
        if any(abs(w) >= NEGLIGIBLE for w in row):
            weights[str(name)] = row
    return {
        "classes": [str(c) for c in model.classes_],
        "bias": [round(float(b), 3) for b in model.intercept_],
        "weights": dict(sorted(weights.items())),
    }


def train(labelled: Iterable[tuple[str, Mapping[str, Any]]], about: str) -> dict[str, Any]:
    """The models' file (see :mod:`articles.extraction.learned`) for these labelled texts."""
    call_rows, call_labels, addressee_rows, addressees = [], [], [], []
    for features, addressee_row, is_call, addressee in examples(labelled):
        call_rows.append(features)
        call_labels.append(str(is_call))
        if addressee_row is not None:
            addressee_rows.append(addressee_row)
            addressees.append(addressee)
    return {
        "about": about,
        "examples": {
            "sentences": len(call_rows),
            "calls": len(addressee_rows),
            "addressees": dict(sorted(Counter(addressees).items())),
        },
        "call": _fit(call_rows, call_labels),
        "addressee": _fit(addressee_rows, addressees),
    }
