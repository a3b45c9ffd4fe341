"""Shared helpers for the call-to-action tests: where the labelled documents are."""

import math
from pathlib import Path

from articles.evaluation import load_labelled
from articles.extraction.learned import LinearModel

ROOT = Path(__file__).resolve().parent.parent
SEED_LABELS = ROOT / "tests" / "data" / "seed_calls_to_action.json"
SEED_DIR = ROOT / "articles" / "editorials"
OWN_DIR = ROOT / "tests" / "data" / "extraction"
OWN_LABELS = OWN_DIR / "expected_calls.json"
DEV_DIR = OWN_DIR / "dev"
DEV_LABELS = DEV_DIR / "labels.json"

__all__ = ["DEV_DIR", "DEV_LABELS", "OWN_DIR", "OWN_LABELS", "SEED_DIR", "SEED_LABELS"]
__all__ += ["load_labelled", "report", "sure_of"]


def report(title, result):
    lines = [
        f"{title}: precision {result['precision']:.3f}, recall {result['recall']:.3f}, "
        f"addressee accuracy {result['addressee_accuracy']:.3f} "
        f"(tp={result['true_positives']}, fp={result['false_positives']}, "
        f"fn={result['false_negatives']})"
    ]
    lines += [f"  {d}" for d in result["details"]]
    return "\n".join(lines)


def sure_of(word, addressee="other", sure=0.99):
    """Stand-in models: a sentence with ``word`` is a call (probability ~1, else ~0);
    every call is for ``addressee`` with probability ``sure``."""
    call = LinearModel(["0", "1"], [-10.0], {"w:" + word: [20.0]})
    classes = ["china", "other", "public"]
    rest = (1 - sure) / (len(classes) - 1)
    bias = [math.log(sure if c == addressee else rest) for c in classes]
    return call, LinearModel(classes, bias, {})
