"""Measure the call-to-action extractor against the labelled texts in the repository.

    manage.py evaluate_extraction [--set seeds|development|heldout ...] [--rules-only]
                                  [--details]

For each set: precision, recall, F1 and addressee accuracy, overall and per
genre, and the calibration line (of the calls scored at or above the approval
score, the share with call and addressee both right). The sets:

* seeds: the five seed editorials (articles/editorials/) and their labels;
* development: tests/data/extraction/ (expected_calls.json),
  tests/data/extraction/dev/, dev2/ ... dev10/ (labels.json), each part also
  scored on its own, overall and per genre;
* heldout: tests/data/extraction/heldout/labels.json, when present.

The development set is also what the learned reader is trained on, so its
figures say little about new texts; the held-out set's do. ``--rules-only``
scores the rules without the learned reader, for a side-by-side figure.
``--details`` lists every miss, false positive and wrong addressee. It reads
nothing it does not print, so it is safe to run on any set; on the held-out set
it shows what the rules must not be tuned to.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.evaluation import (
    CONFIDENT,
    Tally,
    by_genre,
    load_labelled,
    score_documents,
    total,
)
from articles.evaluation import (
    LABELLED_SETS as SETS,
)
from articles.extraction import extract_calls

SET_NAMES = [name for name, _sources, _genre in SETS]


def figures(tally: Tally) -> str:
    calls = tally.true_positives + tally.false_negatives
    return (
        f"{tally.documents:>4} {calls:>5}  {tally.precision:>5.2f} {tally.recall:>5.2f} "
        f"{tally.f1:>5.2f} {tally.addressee_accuracy:>9.2f}   "
        f"tp {tally.true_positives}, fp {tally.false_positives}, fn {tally.false_negatives}"
    )


def calibration(tally: Tally) -> str:
    if not tally.confident:
        return f"no call scored >= {CONFIDENT}"
    return (
        f"of {tally.confident} calls scored >= {CONFIDENT}, {tally.confident_right} "
        f"({tally.calibration:.0%}) have call and addressee both right"
    )


class Command(BaseCommand):
    help = "Score the call-to-action extractor on the labelled seed, development and held-out sets."

    def add_arguments(self, parser):
        parser.add_argument(
            "--set",
            dest="sets",
            action="append",
            choices=SET_NAMES,
            help="score only this set (repeat for several); default: every set present",
        )
        parser.add_argument(
            "--rules-only",
            action="store_true",
            help="score the rules alone, without the learned reader's review (to compare)",
        )
        parser.add_argument(
            "--details",
            action="store_true",
            help="list each miss, false positive and wrong addressee",
        )

    def handle(self, *args, **options):
        wanted = options["sets"] or SET_NAMES
        learned = not options["rules_only"]

        def extract(text):
            return extract_calls(text, learned=learned)

        base = Path(settings.BASE_DIR)
        overall = Tally()
        header = (
            f"  {'':<22} {'docs':>4} {'calls':>5}  {'P':>5} {'R':>5} {'F1':>5} {'addressee':>9}"
        )
        for name, sources, default_genre in SETS:
            if name not in wanted:
                continue
            results = []
            parts = []
            present = [(part, base / labels, base / texts) for part, labels, texts in sources]
            present = [source for source in present if source[1].exists()]
            if not present:
                self.stdout.write(f"{name}: no labels found ({sources[0][1]})")
                continue
            for part, labels, texts in present:
                try:
                    documents, gold = load_labelled(labels, texts)
                except (OSError, ValueError, KeyError) as exc:
                    raise CommandError(f"{labels}: cannot be read ({exc})") from None
                part_results = score_documents(documents, gold, extract)
                parts.append((part, part_results))
                results += part_results
            tally = total(t for _entry, t in results)
            overall += tally
            self.stdout.write(self.style.MIGRATE_HEADING(name))
            self.stdout.write(header)
            self.stdout.write(f"  {'all':<22} {figures(tally)}")
            for genre, genre_tally in by_genre(results, default_genre).items():
                self.stdout.write(f"  {genre:<22} {figures(genre_tally)}")
            self.stdout.write(f"  calibration: {calibration(tally)}")
            if len(parts) > 1:
                for part, part_results in parts:
                    part_tally = total(t for _entry, t in part_results)
                    self.stdout.write(f"  part {part:<17} {figures(part_tally)}")
                    for genre, genre_tally in by_genre(part_results, default_genre).items():
                        self.stdout.write(f"    {genre:<20} {figures(genre_tally)}")
                    self.stdout.write(f"    calibration: {calibration(part_tally)}")
            reported = tally.hard_negatives_reported
            if reported:
                categories = sorted({str(d["category"]) for d in reported})
                self.stdout.write(
                    f"  hard negatives reported: {len(reported)} ({', '.join(categories)})"
                )
            if options["details"]:
                for detail in tally.details:
                    self.stdout.write(f"    {self._describe(detail)}")
        if overall.documents:
            self.stdout.write("")
            self.stdout.write(f"all sets: {figures(overall)}")
            self.stdout.write(f"calibration: {calibration(overall)}")

    @staticmethod
    def _describe(detail):
        kind, file = detail["kind"], detail["file"]
        if kind == "missed":
            return f"{file}: missed ({detail['expected']}): {' '.join(detail['sentence'].split())}"
        call = detail["call"]
        sentence = " ".join(call["sentence"].split())
        if kind == "wrong_addressee":
            return (
                f"{file}: addressee {call['addressee']} (score {call['score']}), "
                f"expected {detail['expected']}: {sentence}"
            )
        label = "hard negative " + str(detail.get("category")) if kind == "hard_negative" else kind
        return f"{file}: {label} ({call['addressee']}, score {call['score']}): {sentence}"
