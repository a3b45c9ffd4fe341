"""Scoring predictions against labelled documents (articles/evaluation.py)."""

from dataclasses import dataclass

import pytest

from articles.evaluation import CONFIDENT, Tally, by_genre, score_document, total

TEXT = (
    "China must stop the returns. Seoul should speak up. "
    "Rights groups urged Beijing to act. It is time to remember them."
)


@dataclass
class Prediction:
    sentence: str
    start: int
    end: int
    addressee: str
    score: float


def predict(sentence, addressee, score=0.9, text=TEXT):
    start = text.index(sentence)
    return Prediction(sentence, start, start + len(sentence), addressee, score)


ENTRY = {
    "file": "a.txt",
    "genre": "editorial",
    "calls_to_action": [
        {"sentence": "China must stop the returns.", "addressee": "china", "borderline": False},
        {
            "sentence": "Seoul should speak up.",
            "addressee": "south_korea_government",
            "borderline": False,
        },
        {
            "sentence": "It is time to remember them.",
            "addressee": "public/readers",
            "borderline": True,
        },
    ],
    "hard_negatives": [
        {"sentence": "Rights groups urged Beijing to act.", "category": "reported_demand"}
    ],
}


def test_a_right_call_with_the_right_addressee_counts_for_precision_recall_and_addressee():
    tally = score_document(TEXT, ENTRY, [predict("China must stop the returns.", "china")])
    assert (tally.true_positives, tally.false_positives, tally.false_negatives) == (1, 0, 1)
    assert tally.precision == 1.0 and tally.recall == 0.5
    assert tally.addressee_accuracy == 1.0


def test_a_wrong_addressee_is_a_true_positive_with_a_wrong_addressee():
    tally = score_document(TEXT, ENTRY, [predict("Seoul should speak up.", "china")])
    assert tally.true_positives == 1 and tally.addressee_accuracy == 0.0
    assert tally.details[0]["kind"] == "wrong_addressee"


def test_a_borderline_call_counts_neither_way():
    found = score_document(TEXT, ENTRY, [predict("It is time to remember them.", "china")])
    missed = score_document(TEXT, ENTRY, [])
    assert (found.true_positives, found.false_positives) == (0, 0)
    assert found.false_negatives == missed.false_negatives == 2
    assert found.confident == 0  # nor in the calibration


def test_a_predicted_hard_negative_is_a_false_positive_reported_with_its_category():
    tally = score_document(TEXT, ENTRY, [predict("Rights groups urged Beijing to act.", "china")])
    assert tally.false_positives == 1
    assert tally.hard_negatives_reported[0]["category"] == "reported_demand"


def test_calibration_is_the_share_of_confident_predictions_right_in_call_and_addressee():
    predictions = [
        predict("China must stop the returns.", "china", score=0.95),  # right
        predict("Seoul should speak up.", "china", score=0.9),  # wrong addressee
        predict("Rights groups urged Beijing to act.", "china", score=0.86),  # not a call
        predict("It is time to remember them.", "public", score=0.99),  # borderline: left out
    ]
    tally = score_document(TEXT, ENTRY, predictions)
    assert (tally.confident, tally.confident_right) == (3, 1)
    assert tally.calibration == pytest.approx(1 / 3)
    low = score_document(
        TEXT, ENTRY, [predict("Seoul should speak up.", "china", CONFIDENT - 0.01)]
    )
    assert low.confident == 0 and low.calibration is None


def test_f1_is_the_harmonic_mean_of_precision_and_recall():
    tally = Tally(true_positives=3, false_positives=1, false_negatives=3)
    assert tally.precision == 0.75 and tally.recall == 0.5
    assert tally.f1 == pytest.approx(0.6)


def test_each_occurrence_of_a_repeated_call_counts():
    text = TEXT + "\n\n" + TEXT
    tally = score_document(
        text, ENTRY, [predict("China must stop the returns.", "china", text=text)]
    )
    assert (tally.true_positives, tally.false_negatives) == (1, 3)


def test_a_label_written_on_one_line_matches_a_sentence_wrapped_in_the_text():
    text = "China must stop\nthe returns. Nothing else."
    entry = {"file": "b.txt", "calls_to_action": [ENTRY["calls_to_action"][0]]}
    found = Prediction("China must stop\nthe returns.", 0, 28, "china", 0.9)
    assert score_document(text, entry, [found]).true_positives == 1


def test_tallies_sum_over_documents_and_by_genre():
    one = score_document(TEXT, ENTRY, [predict("China must stop the returns.", "china")])
    two = score_document(TEXT, {**ENTRY, "genre": "op_ed"}, [])
    assert total([one, two]).documents == 2
    genres = by_genre([(ENTRY, one), ({**ENTRY, "genre": "op_ed"}, two)])
    assert list(genres) == ["editorial", "op_ed"]
    assert genres["op_ed"].recall == 0.0
