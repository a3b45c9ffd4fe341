"""manage.py import_briefings and load_demo: idempotent, editor-safe, all or nothing per file."""

import datetime
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.cleanup import MAX_FILE_BYTES
from articles.importing import import_briefing_file
from articles.models import Briefing

EDITORIALS = Path(__file__).resolve().parent.parent / "articles" / "editorials"

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_briefings", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def folder(tmp_path):
    """A copy of the shipped editorials that a test may change."""
    target = tmp_path / "editorials"
    shutil.copytree(EDITORIALS, target)
    return target


def test_the_shipped_editorials_import_as_published_briefings():
    out, _, error = run(EDITORIALS)
    assert error is None
    assert "Briefings: 5 created, 0 updated, 0 unchanged, 0 failed" in out
    assert Briefing.objects.published().count() == 5
    humane = Briefing.objects.get(source_file="003_962955b7ea9da9f7.txt")
    assert humane.slug == "humane-china"
    assert humane.title == "Humane China"
    assert humane.deck == "Beijing must stop repatriating N.K. defectors"
    assert humane.publication == "The Korea Herald"
    assert humane.published_on == datetime.date(2014, 7, 28)
    assert humane.source_url == "http://www.koreaherald.com/view.php?ud=20140728000348"
    assert humane.featured


def test_metadata_fills_in_what_the_text_lacks():
    run(EDITORIALS)
    chosun = Briefing.objects.get(source_file="002_df48cb7594956a48.txt")
    assert chosun.title  # untitled in the file
    assert chosun.published_on == datetime.date(2024, 5, 3)
    assert chosun.caption.endswith("(Aug. 7. 2023)/News1")
    unknown = Briefing.objects.get(source_file="000_5fa6caaec037cdaa.txt")
    assert unknown.publication == ""
    assert unknown.published_on is None
    assert unknown.summary
    nkhr = Briefing.objects.get(source_file="004_5d02e6d4a97f5770.txt")
    assert nkhr.source_note.startswith("This paper referred to articles by Wall Street Journal")


def test_repeated_paragraphs_are_stored_once():
    out, _, _ = run(EDITORIALS / "001_3cb582e8dd50431f.txt")
    assert "001_3cb582e8dd50431f.txt: created (5 repeated paragraphs dropped)" in out
    body = Briefing.objects.get().body
    assert len(body.split("\n\n")) == 5
    assert body.count("We look forward to more forward-looking and humane measures") == 1


def test_importing_twice_creates_and_changes_nothing():
    run(EDITORIALS)
    before = {b.pk: (b.updated_at, b.imported_values) for b in Briefing.objects.all()}
    out, _, error = run(EDITORIALS)
    assert error is None
    assert "Briefings: 0 created, 0 updated, 5 unchanged, 0 failed" in out
    assert {b.pk: (b.updated_at, b.imported_values) for b in Briefing.objects.all()} == before


def test_an_editors_change_survives_while_untouched_fields_follow_the_file(folder):
    run(folder)
    briefing = Briefing.objects.get(source_file="003_962955b7ea9da9f7.txt")
    briefing.title = "China, show humanity"
    briefing.status = Briefing.Status.DRAFT
    briefing.save()

    text = folder / "003_962955b7ea9da9f7.txt"
    text.write_text(
        text.read_text(encoding="utf-8")
        .replace("[Editorial] Humane China", "[Editorial] A humane China")
        .replace("palpable changes", "visible changes"),
        encoding="utf-8",
    )
    meta = folder / "003_962955b7ea9da9f7.json"
    data = json.loads(meta.read_text(encoding="utf-8"))
    data.update(title="A humane China", position=9)
    meta.write_text(json.dumps(data), encoding="utf-8")

    out, _, _ = run(text)
    briefing.refresh_from_db()
    assert briefing.title == "China, show humanity"
    assert briefing.status == Briefing.Status.DRAFT
    assert "There are visible changes" in briefing.body
    assert briefing.position == 9
    assert "003_962955b7ea9da9f7.txt: updated (body, position; editor's changes kept: title)" in out
    assert briefing.imported_values["body"] == briefing.body


def test_reimport_names_the_fields_an_editor_changed(folder):
    run(folder)
    briefing = Briefing.objects.get(source_file="001_3cb582e8dd50431f.txt")
    briefing.summary = "Edited."
    briefing.save()
    out, _, _ = run(folder / "001_3cb582e8dd50431f.txt")
    assert "unchanged (editor's changes kept: summary" in out
    briefing.refresh_from_db()
    assert briefing.summary == "Edited."


def test_dry_run_writes_nothing_but_reports_the_outcome(folder):
    out, _, error = run(folder, "--dry-run")
    assert error is None
    assert "5 created" in out and "dry run: nothing written" in out
    assert Briefing.objects.count() == 0

    run(folder)
    (folder / "000_5fa6caaec037cdaa.txt").write_text("A new text.", encoding="utf-8")
    out, _, _ = run(folder, "--dry-run")
    assert "000_5fa6caaec037cdaa.txt: updated (body)" in out
    assert "A new text." not in Briefing.objects.get(source_file="000_5fa6caaec037cdaa.txt").body


def test_draft_option_imports_new_briefings_as_drafts():
    run(EDITORIALS / "000_5fa6caaec037cdaa.txt", "--draft")
    assert Briefing.objects.get().status == Briefing.Status.DRAFT


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02binary\xff", "binary file"),
        ("Réfugiés nord-coréens en Chine.".encode("latin-1"), "not UTF-8 text"),
    ],
)
def test_a_bad_file_fails_with_its_name_and_the_others_still_import(tmp_path, content, reason):
    good = tmp_path / "a_good.txt"
    good.write_text("China must stop the repatriations.", encoding="utf-8")
    bad = tmp_path / "b_bad.txt"
    bad.write_bytes(content)
    out, err, error = run(tmp_path)
    assert f"{bad}: failed: {reason}" in err
    assert "1 created, 0 updated, 0 unchanged, 1 failed" in out
    assert error is not None  # the command exits non-zero
    assert list(Briefing.objects.values_list("source_file", flat=True)) == ["a_good.txt"]


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    result = import_briefing_file(big)
    assert result.outcome == "failed"
    assert "larger than 10 MB" in result.error
    assert not Briefing.objects.exists()


def test_a_missing_path_is_reported_by_name(tmp_path):
    out, err, error = run(tmp_path / "nowhere.txt")
    assert "nowhere.txt: failed: file not found" in err
    assert error is not None


def test_bad_metadata_fails_the_file_and_leaves_nothing_half_imported(tmp_path):
    text = tmp_path / "x.txt"
    text.write_text("Some text.", encoding="utf-8")
    (tmp_path / "x.json").write_text('{"title": "T", "published_on": "last May"}')
    result = import_briefing_file(text)
    assert result.outcome == "failed"
    assert "published_on must be a date" in result.error
    (tmp_path / "x.json").write_text('{"title": "' + "T" * 300 + '"}')
    result = import_briefing_file(text)
    assert "title: Ensure this value has at most 200 characters" in result.error
    (tmp_path / "x.json").write_text('{"colour": "red"}')
    assert "unknown keys: colour" in import_briefing_file(text).error
    (tmp_path / "x.json").write_text('{"position": true}')
    assert "position must be a whole number" in import_briefing_file(text).error
    (tmp_path / "x.json").write_text('{"title": "T",')
    assert "x.json is not valid JSON" in import_briefing_file(text).error
    assert not Briefing.objects.exists()


def test_a_text_without_a_title_takes_its_first_words(tmp_path):
    text = tmp_path / "x.txt"
    text.write_text("China must stop sending North Koreans back.\n\nMore.", encoding="utf-8")
    briefing = import_briefing_file(text).briefing
    assert briefing.title == "China must stop sending North Koreans back."
    assert briefing.slug == "china-must-stop-sending-north-koreans-back"


def test_slugs_never_collide(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Same title\n\nText.", encoding="utf-8")
    run(tmp_path)
    assert sorted(Briefing.objects.values_list("slug", flat=True)) == [
        "same-title",
        "same-title-2",
    ]


def test_load_demo_twice_duplicates_nothing():
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Briefings: 5 created" in out.getvalue()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Briefings: 0 created, 0 updated, 5 unchanged, 0 failed" in out.getvalue()
    assert Briefing.objects.count() == 5


def test_a_folder_without_text_files_is_reported(tmp_path):
    (tmp_path / "notes.md").write_text("Not an editorial.", encoding="utf-8")
    out, err, error = run(tmp_path)
    assert f"{tmp_path}: failed: no .txt files in this folder" in err
    assert error is not None
