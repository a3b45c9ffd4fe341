"""The stylesheet parses: every rule is closed, so no section swallows the next.

Merges that join two features' sections have dropped a closing brace before;
the browser then silently ignores everything up to the next stray `}`.
"""

import re
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "css" / "site.css"


def blocks(css):
    """Yield (selector, depth, line) for every opening brace, comments removed."""
    css = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), css, flags=re.S)
    stack, start, line = [], 0, 1
    for index, char in enumerate(css):
        if char == "\n":
            line += 1
        elif char == "{":
            selector = css[start:index].split(";")[-1].strip()
            yield selector, stack[:], line
            stack.append(selector)
            start = index + 1
        elif char == "}":
            assert stack, f"a closing brace without an opening one at line {line}"
            stack.pop()
            start = index + 1
        elif char == ";":
            start = index + 1
    assert not stack, f"unclosed rule: {stack[-1]!r}"


def test_every_rule_in_the_stylesheet_is_closed():
    for selector, parents, line in blocks(STYLESHEET.read_text()):
        # Only at-rules (@media, @supports) may contain other rules.
        assert all(parent.startswith("@") for parent in parents), (
            f"line {line}: {selector!r} is inside {parents[-1]!r}: a brace is missing"
        )
