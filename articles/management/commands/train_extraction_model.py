"""Train the extractor's learned reader on the labelled texts in the repository.

    manage.py train_extraction_model [--set seeds|development ...]

Reads the labelled sets that ``evaluate_extraction`` scores (by default the
seeds and the development set, never the held-out set, which measures the
result) and writes ``articles/extraction/model.json``. Needs scikit-learn
(``make model`` installs it and runs this). Run it again after changing the
labels or the rules the features read (layout, voice, actors), then
``evaluate_extraction``.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.evaluation import LABELLED_SETS, load_labelled
from articles.extraction.learned import MODEL_PATH
from articles.training import train

TRAINED_ON = ("seeds", "development")


class Command(BaseCommand):
    help = "Train the call and addressee models of the extractor on the labelled sets."

    def add_arguments(self, parser):
        parser.add_argument(
            "--set",
            dest="sets",
            action="append",
            choices=[name for name, _sources, _genre in LABELLED_SETS],
            help="train on this set (repeat for several); default: seeds and development",
        )
        parser.add_argument("--output", default=str(MODEL_PATH), help="where to write the model")

    def handle(self, *args, **options):
        try:
            import sklearn  # noqa: F401
        except ImportError:
            raise CommandError(
                "scikit-learn is needed to train: pip install -e '.[learn]' (or make model)"
            ) from None
        wanted = options["sets"] or TRAINED_ON
        base = Path(settings.BASE_DIR)
        labelled, parts = [], []
        for name, sources, _genre in LABELLED_SETS:
            if name not in wanted:
                continue
            for part, labels, texts in sources:
                documents, gold = load_labelled(base / labels, base / texts)
                labelled += [(documents[entry["file"]], entry) for entry in gold]
                parts.append(part)
        about = (
            "Weights of the extractor's call and addressee models (articles/extraction/"
            f"learned.py), trained by manage.py train_extraction_model on: {', '.join(parts)}."
        )
        model = train(labelled, about)
        output = Path(options["output"])
        output.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n",
                          encoding="utf-8")
        examples = model["examples"]
        self.stdout.write(
            f"{examples['sentences']} sentences ({examples['calls']} calls) from "
            f"{len(labelled)} texts; {len(model['call']['weights'])} call features, "
            f"{len(model['addressee']['weights'])} addressee features; wrote {output} "
            f"({output.stat().st_size // 1024} KB)"
        )
