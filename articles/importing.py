"""Import editorials from plain-text files as briefings.

`import_briefing_file(path)` imports one file (and the JSON metadata file
beside it, if any) in its own transaction and returns an `ImportResult`;
`import_briefings(paths)` does the same for files and folders. Other features
hook in after these calls (e.g. to draw talking points from a new briefing).

Re-importing is safe. `Briefing.source_file` identifies the briefing and
`Briefing.imported_values` holds what the importer last wrote: a field whose
current value differs from it has been changed by an editor and is left alone;
the other fields follow the file.
"""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.text import slugify

from articles.cleanup import MAX_FILE_BYTES, CleanupError, clean_editorial, decode_editorial
from articles.models import Briefing
from articles.talking_points import refresh_talking_points_or_log

# Fields the importer writes and may refresh later (the slug only on creation).
IMPORTED_FIELDS = Briefing.CONTENT_FIELDS
METADATA_FIELDS = {*IMPORTED_FIELDS, "slug"} - {"body", "status"}
# Keys in a metadata file that are notes for people, not briefing fields.
METADATA_COMMENTS = {"note"}


class BriefingImportError(Exception):
    """A file that cannot be imported; the message says why in plain words."""


@dataclass
class ImportResult:
    path: Path
    outcome: str  # "created", "updated", "unchanged" or "failed"
    briefing: Briefing | None = None
    error: str = ""
    changed: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # fields left as an editor changed them
    repeats_dropped: int = 0

    @property
    def ok(self):
        return self.outcome != "failed"

    def describe(self):
        """One progress line, e.g. "003_x.txt: updated (title, body)"."""
        if not self.ok:
            return f"{self.path}: failed: {self.error}"
        line = f"{self.path.name}: {self.outcome}"
        details = []
        if self.changed and self.outcome == "updated":
            details.append(", ".join(self.changed))
        if self.kept:
            details.append("editor's changes kept: " + ", ".join(self.kept))
        if self.repeats_dropped:
            details.append(f"{self.repeats_dropped} repeated paragraphs dropped")
        return line + (f" ({'; '.join(details)})" if details else "")


def import_briefings(paths, *, dry_run=False, status=Briefing.Status.PUBLISHED):
    """Import files, and the .txt files of folders (in name order), one by one."""
    results = []
    for path in map(Path, paths):
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        if not files:
            results.append(ImportResult(path, "failed", error="no .txt files in this folder"))
        for file in files:
            results.append(import_briefing_file(file, dry_run=dry_run, status=status))
    return results


def summarise(results):
    """Counts by outcome, e.g. {"created": 5, "updated": 0, "unchanged": 0, "failed": 0}."""
    counts = dict.fromkeys(("created", "updated", "unchanged", "failed"), 0)
    for result in results:
        counts[result.outcome] += 1
    return counts


def summary_line(results, *, dry_run=False):
    """E.g. "Briefings: 5 created, 0 updated, 0 unchanged, 0 failed"."""
    counts = ", ".join(f"{count} {outcome}" for outcome, count in summarise(results).items())
    return f"Briefings: {counts}" + (" (dry run: nothing written)" if dry_run else "")


# The editorials are English: their title, deck and summary are the English columns of a
# briefing (`briefing.title` means the active language's), whatever language the caller is in.
@translation.override("en")
def import_briefing_file(path, *, dry_run=False, status=Briefing.Status.PUBLISHED):
    """Create or refresh the briefing for one editorial file.

    New briefings get `status` (published unless the caller asks for drafts).
    Nothing is written when `dry_run` is true or when the file fails.
    """
    path = Path(path)
    try:
        values, repeats = read_editorial(path)
        values["status"] = status
        with transaction.atomic():
            result = _save(path, values)
            result.repeats_dropped = repeats
            # Every import, even of an unchanged file, so that points follow
            # the latest extractor; the refresh itself is idempotent.
            refresh_talking_points_or_log(result.briefing)
            if dry_run:
                transaction.set_rollback(True)
    except BriefingImportError as error:
        return ImportResult(path, "failed", error=str(error))
    except IntegrityError:
        # Another import saved the same file or slug at the same moment.
        return ImportResult(path, "failed", error="saved elsewhere at the same time; run again")
    return result


def read_editorial(path):
    """Return the briefing values for a file and how many repeated paragraphs were dropped."""
    if not path.exists():
        raise BriefingImportError("file not found")
    if not path.is_file():
        raise BriefingImportError("not a file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise BriefingImportError(
            f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB "
            f"({path.stat().st_size} bytes)"
        )
    try:
        cleaned = clean_editorial(decode_editorial(path.read_bytes()))
    except CleanupError as error:
        raise BriefingImportError(str(error)) from None
    except OSError as error:
        raise BriefingImportError(f"cannot be read: {error.strerror}") from None
    values = {
        "title": cleaned.title,
        "deck": cleaned.deck,
        "summary": "",
        "body": cleaned.body,
        "caption": cleaned.caption,
        "source_note": cleaned.source_note,
        "publication": "",
        "published_on": None,
        "source_url": "",
        "featured": False,
        "position": 0,
    }
    values.update(read_metadata(path.with_suffix(".json")))
    if not values["title"]:
        values["title"] = _first_words(cleaned.body)
    return values, cleaned.repeats_dropped


def read_metadata(path):
    """Read the optional JSON file beside an editorial: what the text itself lacks."""
    if not path.exists():
        return {}
    name = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BriefingImportError(f"{name} is not valid JSON in UTF-8: {error}") from None
    except OSError as error:
        raise BriefingImportError(f"{name} cannot be read: {error.strerror}") from None
    if not isinstance(data, dict):
        raise BriefingImportError(f"{name} must hold one JSON object")
    unknown = set(data) - METADATA_FIELDS - METADATA_COMMENTS
    if unknown:
        raise BriefingImportError(f"{name} has unknown keys: {', '.join(sorted(unknown))}")
    values = {key: value for key, value in data.items() if key in METADATA_FIELDS}
    if values.get("published_on"):
        try:
            values["published_on"] = datetime.date.fromisoformat(values["published_on"])
        except (TypeError, ValueError):
            message = f"{name}: published_on must be a date like 2014-07-28"
            raise BriefingImportError(message) from None
    else:
        values["published_on"] = None
    if not isinstance(values.get("featured", False), bool):
        raise BriefingImportError(f"{name}: featured must be true or false")
    position = values.get("position", 0)
    if isinstance(position, bool) or not isinstance(position, int) or position < 0:
        raise BriefingImportError(f"{name}: position must be a whole number, 0 or more")
    for key, value in values.items():
        if key not in ("published_on", "featured", "position") and not isinstance(value, str):
            raise BriefingImportError(f"{name}: {key} must be text")
    return values


def _first_words(text, limit=80):
    first = text.split("\n", 1)[0].lstrip("#- ")
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def _stored(value):
    """A field value as kept in imported_values (JSON)."""
    return value.isoformat() if isinstance(value, datetime.date) else value


def _save(path, values):
    source_file = path.name
    briefing = Briefing.objects.select_for_update().filter(source_file=source_file).first()
    slug = values.pop("slug", "")
    if briefing is None:
        briefing = Briefing(source_file=source_file, slug=_free_slug(slug or values["title"]))
        for name in IMPORTED_FIELDS:
            setattr(briefing, name, values[name])
        briefing.imported_values = {name: _stored(values[name]) for name in IMPORTED_FIELDS}
        _validate(briefing)
        briefing.save()
        return ImportResult(path, "created", briefing)

    changed, kept = [], []
    imported = dict(briefing.imported_values)
    for name in IMPORTED_FIELDS:
        if name == "status":
            # A new status applies to new briefings only; publishing is an editor's call.
            continue
        current, new = _stored(getattr(briefing, name)), _stored(values[name])
        if name in imported and current != imported[name]:
            if current != new:
                kept.append(name)
            continue
        if current != new:
            setattr(briefing, name, values[name])
            changed.append(name)
        imported[name] = new
    if imported != briefing.imported_values or changed:
        briefing.imported_values = imported
        _validate(briefing)
        briefing.save()
    outcome = "updated" if changed else "unchanged"
    return ImportResult(path, outcome, briefing, changed=changed, kept=kept)


def _validate(briefing):
    try:
        briefing.full_clean(exclude=["slug"] if briefing.pk else None)
    except ValidationError as error:
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
        raise BriefingImportError(problems) from None


def _free_slug(text):
    base = slugify(text)[:190] or "briefing"
    slug, number = base, 2
    while Briefing.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug
