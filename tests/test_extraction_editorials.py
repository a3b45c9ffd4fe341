"""The extractor on short editorials written for these tests (never tuned on the seeds)."""

import pytest

from articles.evaluation import evaluate
from articles.extraction import extract_calls
from tests.extraction_helpers import OWN_DIR, OWN_LABELS, load_labelled, report


@pytest.fixture(scope="module")
def own():
    return load_labelled(OWN_LABELS, OWN_DIR)


def test_own_editorials_reach_the_same_quality_bar_as_the_seeds(own):
    documents, gold = own
    result = evaluate(documents, gold)
    print("\n" + report("own editorials", result))
    assert result["precision"] >= 0.9, report("own", result)
    assert result["recall"] >= 0.9, report("own", result)
    assert result["addressee_accuracy"] >= 0.9, report("own", result)


def test_own_editorials_report_none_of_their_hard_negatives(own):
    documents, gold = own
    for entry in gold:
        found = {c.sentence for c in extract_calls(documents[entry["file"]])}
        for negative in entry["hard_negatives"]:
            assert negative["sentence"] not in found, negative


def test_a_wire_report_full_of_reported_demands_yields_no_calls():
    # A news report, not an editorial: every "must" and "should" in it belongs
    # to someone the reporter quotes or describes.
    text = (OWN_DIR / "wire_report.txt").read_text(encoding="utf-8")
    assert extract_calls(text) == []
