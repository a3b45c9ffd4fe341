"""Shared helpers for the call-to-action tests: where the labelled documents are."""

from pathlib import Path

from articles.evaluation import load_labelled

ROOT = Path(__file__).resolve().parent.parent
SEED_LABELS = ROOT / "tests" / "data" / "seed_calls_to_action.json"
SEED_DIR = ROOT / "articles" / "editorials"
OWN_DIR = ROOT / "tests" / "data" / "extraction"
OWN_LABELS = OWN_DIR / "expected_calls.json"
DEV_DIR = OWN_DIR / "dev"
DEV_LABELS = DEV_DIR / "labels.json"

__all__ = ["DEV_DIR", "DEV_LABELS", "OWN_DIR", "OWN_LABELS", "SEED_DIR", "SEED_LABELS"]
__all__ += ["load_labelled", "report"]


def report(title, result):
    lines = [
        f"{title}: precision {result['precision']:.3f}, recall {result['recall']:.3f}, "
        f"addressee accuracy {result['addressee_accuracy']:.3f} "
        f"(tp={result['true_positives']}, fp={result['false_positives']}, "
        f"fn={result['false_negatives']})"
    ]
    lines += [f"  {d}" for d in result["details"]]
    return "\n".join(lines)
