"""manage.py evaluate_extraction: the figures per set and genre, on labelled texts."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args):
    out = StringIO()
    call_command("evaluate_extraction", *args, stdout=out)
    return out.getvalue()


def test_the_seed_editorials_are_scored_with_precision_recall_f1_addressees_and_calibration():
    output = run("--set", "seeds")
    lines = output.splitlines()
    assert lines[0] == "seeds"
    assert "P" in lines[1] and "F1" in lines[1] and "addressee" in lines[1]
    figures = lines[2].split()
    assert figures[0] == "all" and figures[1] == "5"  # five documents
    assert [float(f) for f in figures[3:7]] == [1.0, 1.0, 1.0, 1.0]
    assert any(line.split()[0] == "editorial" for line in lines[3:])
    assert "calibration: of " in output and "have call and addressee both right" in output


def test_the_development_set_is_scored_per_genre():
    output = run("--set", "development")
    genres = {line.split()[0] for line in output.splitlines() if line.startswith("  ")}
    assert {"all", "editorial", "ngo_press_release", "news_story"} <= genres


def test_the_development_set_is_also_scored_part_by_part():
    output = run("--set", "development")
    parts = [line.split()[1] for line in output.splitlines() if line.startswith("  part ")]
    assert parts == [
        "first", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10"
    ]
    dev2 = output.split("  part dev2", 1)[1].split("  part dev3", 1)[0]
    assert dev2.split()[0] == "24"  # the second development set's texts
    assert "    un_statement" in dev2 and "    calibration: " in dev2
    dev3 = output.split("  part dev3", 1)[1].split("  part dev4", 1)[0]
    assert dev3.split()[0] == "25"  # the third, once a held-out set
    assert "    petition_open_letter" in dev3 and "    calibration: " in dev3
    dev4 = output.split("  part dev4", 1)[1].split("  part dev5", 1)[0]
    assert dev4.split()[0] == "16"  # the fourth, written to try addressees
    assert "    social_media_thread" in dev4 and "    calibration: " in dev4
    dev5 = output.split("  part dev5", 1)[1].split("  part dev6", 1)[0]
    assert dev5.split()[0] == "20"  # the fifth, by a writer the rules had never read
    assert "    urgent_action" in dev5 and "    calibration: " in dev5
    dev6 = output.split("  part dev6", 1)[1].split("  part dev7", 1)[0]
    assert dev6.split()[0] == "20"  # the sixth, by another such writer
    assert "    calibration: " in dev6
    dev7 = output.split("  part dev7", 1)[1].split("  part dev8", 1)[0]
    assert dev7.split()[0] == "20"  # the seventh, by a third such writer
    assert "    calibration: " in dev7
    dev8 = output.split("  part dev8", 1)[1].split("  part dev9", 1)[0]
    assert dev8.split()[0] == "20"  # the eighth, by a fourth such writer
    assert "    calibration: " in dev8
    dev9 = output.split("  part dev9", 1)[1].split("  part dev10", 1)[0]
    assert dev9.split()[0] == "40"  # the seventh round's held-out set
    assert "    calibration: " in dev9
    dev10 = output.split("  part dev10", 1)[1]
    assert dev10.split()[0] == "40"  # the eighth round's


def test_the_rules_can_be_scored_alone_beside_the_learned_reader():
    both = run("--set", "heldout").splitlines()[2].split()
    rules = run("--set", "heldout", "--rules-only").splitlines()[2].split()
    assert both[:3] == rules[:3] == ["all", "40", "204"]
    # the learned reader offers calls the rules pass over: recall differs
    assert float(both[4]) != float(rules[4])


def test_details_list_each_error_by_file(settings, tmp_path):
    labels = {
        "documents": [
            {
                "file": "one.txt",
                "genre": "blog_post",
                "calls_to_action": [
                    {"sentence": "Beijing must stop.", "addressee": "china", "borderline": False},
                    {"sentence": "Nobody sees this.", "addressee": "china", "borderline": False},
                ],
                "hard_negatives": [],
            }
        ]
    }
    heldout = tmp_path / "tests" / "data" / "extraction" / "heldout"
    heldout.mkdir(parents=True)
    (heldout / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    (heldout / "one.txt").write_text("Beijing must stop. Nobody sees this.", encoding="utf-8")
    settings.BASE_DIR = tmp_path
    output = run("--set", "heldout", "--details")
    assert "blog_post" in output
    assert "one.txt: missed (china): Nobody sees this." in output


def test_a_missing_set_is_said_so_not_an_error(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    assert "heldout: no labels found" in run("--set", "heldout")


def test_an_unreadable_labels_file_is_a_clear_error(settings, tmp_path):
    heldout = tmp_path / "tests" / "data" / "extraction" / "heldout"
    heldout.mkdir(parents=True)
    (heldout / "labels.json").write_text("{not json", encoding="utf-8")
    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError, match="labels.json: cannot be read"):
        run("--set", "heldout")
