"""Shared helpers for the call-to-action tests: loading labelled documents."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_LABELS = ROOT / "tests" / "data" / "seed_calls_to_action.json"
SEED_DIR = ROOT / "articles" / "editorials"
OWN_DIR = ROOT / "tests" / "data" / "extraction"
OWN_LABELS = OWN_DIR / "expected_calls.json"


def load_labelled(labels_path, text_dir):
    """(documents by file name, gold entries) for a labels file."""
    gold = json.loads(Path(labels_path).read_text(encoding="utf-8"))["documents"]
    documents = {
        entry["file"]: (Path(text_dir) / entry["file"]).read_text(encoding="utf-8")
        for entry in gold
    }
    return documents, gold


def report(title, result):
    lines = [
        f"{title}: precision {result['precision']:.3f}, recall {result['recall']:.3f}, "
        f"addressee accuracy {result['addressee_accuracy']:.3f} "
        f"(tp={result['true_positives']}, fp={result['false_positives']}, "
        f"fn={result['false_negatives']})"
    ]
    lines += [f"  {d}" for d in result["details"]]
    return "\n".join(lines)
