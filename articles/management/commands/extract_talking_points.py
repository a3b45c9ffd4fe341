"""List the calls to action found in one or more text files.

    manage.py extract_talking_points FILE [FILE ...] [--json]

With ``--json`` the command writes only JSON to stdout: a list with one
``{"file": ..., "calls": [...]}`` object per file, each call carrying its exact
sentence, character offsets, addressee, ask and score. Without it, a readable
table per file.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.extraction import extract_calls


def read_text_file(name: str) -> str:
    """The UTF-8 text of ``name``, or a CommandError that names the file."""
    path = Path(name)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{name}: is a directory, not a text file") from None
    except OSError as exc:
        raise CommandError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if b"\x00" in data:
        raise CommandError(f"{name}: looks like a binary file, not UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{name}: is not valid UTF-8 text (bad byte at offset {exc.start})"
        ) from None
    return text.removeprefix("\ufeff")


class Command(BaseCommand):
    help = "Print the calls to action (talking points) found in plain-text editorials."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
        parser.add_argument(
            "--json",
            action="store_true",
            help="write a JSON list of {file, calls} objects to stdout and nothing else",
        )

    def handle(self, *args, **options):
        # Read everything first, so a bad file fails before any output is written.
        texts = [(name, read_text_file(name)) for name in options["files"]]
        results = [
            {"file": name, "calls": [call.as_dict() for call in extract_calls(text)]}
            for name, text in texts
        ]
        if options["json"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
            return
        for index, result in enumerate(results):
            if index:
                self.stdout.write("")
            self.stdout.write(self.style.MIGRATE_HEADING(result["file"]))
            if not result["calls"]:
                self.stdout.write("  (no calls to action found)")
                continue
            self.stdout.write(f"  {'offsets':<13} {'score':>5}  {'addressee':<24} ask")
            for call in result["calls"]:
                offsets = f"{call['start']}-{call['end']}"
                self.stdout.write(
                    f"  {offsets:<13} {call['score']:>5.2f}  {call['addressee']:<24} {call['ask']}"
                )
                sentence = " ".join(call["sentence"].split())
                self.stdout.write(f"  {'':<13} {'':>5}  {'':<24} ← {sentence}")
