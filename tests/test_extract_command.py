"""The extract_talking_points management command."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

SEED = Path(__file__).resolve().parent.parent / "articles" / "editorials"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("extract_talking_points", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_output_lists_every_call_with_offsets_addressee_ask_and_score(tmp_path):
    text = "Refugees are sent back.\n\nChina should stop the returns. We must not look away."
    path = tmp_path / "editorial.txt"
    path.write_text(text, encoding="utf-8")
    out, _err = run(str(path), "--json")
    data = json.loads(out)  # stdout holds JSON and nothing else
    assert data[0]["file"] == str(path)
    calls = data[0]["calls"]
    assert [c["addressee"] for c in calls] == ["china", "public"]
    for call in calls:
        assert text[call["start"] : call["end"]] == call["sentence"]
        assert set(call) == {"sentence", "start", "end", "addressee", "ask", "score"}
    assert calls[0]["ask"] == "Stop the returns"


def test_json_output_has_one_entry_per_file_in_order(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("Nothing to ask here.", encoding="utf-8")
    seed = sorted(SEED.glob("003_*.txt"))[0]
    out, _err = run(str(first), str(seed), "--json")
    data = json.loads(out)
    assert [d["file"] for d in data] == [str(first), str(seed)]
    assert data[0]["calls"] == []
    assert "Beijing must stop repatriating N.K. defectors" in [
        c["sentence"] for c in data[1]["calls"]
    ]


def test_table_output_is_readable(tmp_path):
    path = tmp_path / "e.txt"
    path.write_text("Pyongyang must end its shoot-to-kill order.", encoding="utf-8")
    out, _err = run(str(path))
    assert str(path) in out
    assert "north_korea" in out
    assert "End your shoot-to-kill order" in out


def test_a_file_without_calls_says_so_in_the_table(tmp_path):
    path = tmp_path / "quiet.txt"
    path.write_text("China detained forty people.", encoding="utf-8")
    out, _err = run(str(path))
    assert "no calls to action" in out


def test_a_missing_file_is_a_command_error_naming_it(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(CommandError, match="nope.txt"):
        run(str(missing), "--json")


def test_a_file_that_is_not_utf8_is_a_command_error_naming_it(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Pékin doit arrêter.".encode("latin-1"))
    with pytest.raises(CommandError, match="latin1.txt.*UTF-8"):
        run(str(path))


def test_a_binary_file_is_a_command_error_naming_it(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(CommandError, match="image.png.*binary"):
        run(str(path))


def test_a_directory_is_a_command_error_naming_it(tmp_path):
    with pytest.raises(CommandError, match=str(tmp_path)):
        run(str(tmp_path))
