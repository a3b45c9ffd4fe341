"""Every string marked for translation has a Korean translation, and the compiled catalog matches.

The sources are scanned the way `make messages` does it (`makemessages` in a
temporary copy of the project), so a string added to a template or a module
without a translation fails here, not in front of a Korean reader.
"""

import ast
import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "ko" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
SOURCES = ["articles", "campaign", "templates", "manage.py"]


def read_po(text):
    """The entries of a .po file (entries are separated by blank lines, as gettext writes
    them): [{"msgctxt", "msgid", "msgid_plural", "msgstr": {n: str}, "fuzzy"}], header
    included (its msgid is "")."""
    entries = []
    for block in text.split("\n\n"):
        entry, field = {"fuzzy": False, "msgstr": {}}, None
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,"):
                entry["fuzzy"] = "fuzzy" in line
            elif line.startswith("#") or not line:
                continue
            elif line.startswith('"'):
                if field[0] == "msgstr":
                    entry["msgstr"][field[1]] += ast.literal_eval(line)
                else:
                    entry[field[0]] += ast.literal_eval(line)
            else:
                keyword, _, value = line.partition(" ")
                if keyword.startswith("msgstr"):
                    field = ("msgstr", int(keyword[7:-1]) if "[" in keyword else 0)
                    entry["msgstr"][field[1]] = ast.literal_eval(value)
                else:
                    field = (keyword,)
                    entry[keyword] = ast.literal_eval(value)
        if "msgid" in entry:
            entries.append(entry)
    return entries


def key(entry):
    return (entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural"))


@pytest.fixture(scope="module")
def committed():
    return {key(entry): entry for entry in read_po(PO.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def found_in_sources(tmp_path_factory):
    """The msgids `makemessages` finds in the sources today, from a copy of the project."""
    if shutil.which("xgettext") is None:
        pytest.skip("GNU gettext (xgettext) is not installed")
    copy = tmp_path_factory.mktemp("project")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    (copy / "locale").mkdir()
    env = {**os.environ, "DEBUG": "1", "VAR_DIR": str(copy / "var")}
    for name in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ko", "--keep-pot", "--verbosity", "0"],
        cwd=copy, env=env, check=True, capture_output=True,
    )  # fmt: skip
    pot = (copy / "locale" / "django.pot").read_text(encoding="utf-8")
    return [entry for entry in read_po(pot) if entry["msgid"]]


def test_the_sources_have_strings_to_translate(found_in_sources):
    assert len(found_in_sources) > 100


def test_every_string_in_the_sources_has_a_korean_translation(found_in_sources, committed):
    missing = [entry["msgid"] for entry in found_in_sources if key(entry) not in committed]
    assert missing == [], "run `make messages` and translate these"


def test_no_korean_translation_is_empty_or_fuzzy(committed):
    unfinished = [
        entry["msgid"]
        for entry in committed.values()
        if entry["msgid"] and (entry["fuzzy"] or not all(entry["msgstr"].values()))
    ]
    assert unfinished == []


def test_translations_keep_their_placeholders(committed):
    """A msgstr uses the same %(name)s and {{ name }}-style placeholders as its msgid."""
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]")
    wrong = []
    for entry in committed.values():
        expected = sorted(placeholder.findall(entry.get("msgid_plural") or entry["msgid"]))
        for translated in entry["msgstr"].values():
            if entry["msgid"] and sorted(placeholder.findall(translated)) != expected:
                wrong.append(entry["msgid"])
    assert wrong == []


def test_the_compiled_catalog_matches_the_translations(committed):
    with MO.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    expected = {}
    for entry in committed.values():
        if not entry["msgid"] or entry["fuzzy"] or not all(entry["msgstr"].values()):
            continue  # msgfmt leaves these out; the tests above report them
        msgid = entry["msgid"]
        if entry.get("msgctxt"):
            msgid = f"{entry['msgctxt']}\x04{msgid}"
        if entry.get("msgid_plural"):
            for index, text in entry["msgstr"].items():
                expected[(msgid, index)] = text
        else:
            expected[msgid] = entry["msgstr"][0]
    compiled = {k: v for k, v in catalog.items() if k != ""}
    assert compiled == expected, "run `make messages` (compilemessages) and commit django.mo"
