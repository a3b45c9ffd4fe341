"""The one stylesheet stays well formed: a lost brace silently drops every rule after it."""

import re
from pathlib import Path

CSS = Path(__file__).resolve().parent.parent / "static" / "css" / "site.css"


def test_every_section_of_the_stylesheet_starts_outside_any_rule():
    source = CSS.read_text()
    # Blank out comments but keep their line breaks, so line numbers still match.
    code = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), source, flags=re.S)
    depth = 0
    for number, (line, line_code) in enumerate(
        zip(source.splitlines(), code.splitlines(), strict=True), start=1
    ):
        if line.startswith("/*"):
            assert depth == 0, f"line {number}: a rule above this section is not closed"
        depth += line_code.count("{") - line_code.count("}")
        assert depth >= 0, f"line {number}: one closing brace too many"
    assert depth == 0
