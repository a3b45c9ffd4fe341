"""Render a briefing body to HTML. Pure functions, no Django.

The body format: blocks separated by blank lines; in a block, a line starting
with `## ` is a section heading, lines starting with `- ` are list items and
other lines are paragraph text. Every piece of text is escaped here, so the
result may be marked safe by the caller.

Highlights wrap parts of the text in `<mark>`: each is `(start, end)` or
`(start, end, attributes)`, with character offsets into the body (as stored in
`Citation.start`/`end`). A highlight must lie inside one heading, list item or
paragraph; one that crosses out of it, is empty, out of range, or overlaps an
earlier one is ignored rather than producing broken markup.

Four attributes are not copied onto the `<mark>`: `href` links the highlighted
text, `label` is read out by screen readers before it (visually hidden),
`after` is an `(href, text)` link placed right after it, and `ui_lang` is the
language of the label and the link when it differs from the body's.
"""

import re
from html import escape
from typing import NamedTuple

# Attribute names we accept on <mark>; event handlers (on...) are never allowed.
ATTRIBUTE_NAME = re.compile(r"^(?!on)[a-z][a-z0-9-]*$")


class Highlight(NamedTuple):
    start: int
    end: int
    attributes: dict | None = None


class Segment(NamedTuple):
    """One rendered element: kind is "p", "h2" or "li"; start/end are body offsets."""

    kind: str
    start: int
    end: int


def parse_body(body):
    """Return the body's segments in order, with the offsets of their text."""
    segments = []
    paragraph = None  # [start, end] of the paragraph being collected
    offset = 0
    for raw_line in body.splitlines(keepends=True):
        line = raw_line.rstrip("\r\n")
        start, end = offset, offset + len(line.rstrip())
        offset += len(raw_line)
        if line.startswith("## ") or line.startswith("- ") or not line.strip():
            if paragraph:
                segments.append(Segment("p", *paragraph))
                paragraph = None
            if line.startswith("## ") and end > start + 3:
                segments.append(Segment("h2", start + 3, end))
            elif line.startswith("- ") and end > start + 2:
                segments.append(Segment("li", start + 2, end))
            continue
        if paragraph:
            paragraph[1] = end
        else:
            paragraph = [start + (len(line) - len(line.lstrip())), end]
    if paragraph:
        segments.append(Segment("p", *paragraph))
    return segments


def render_body(body, highlights=()):
    """Return escaped HTML for `body`: <p>, <h2> and <ul><li>, with <mark> highlights."""
    segments = parse_body(body)
    marks = _usable_highlights(highlights, segments)
    html = []
    in_list = False
    for segment in segments:
        if segment.kind == "li" and not in_list:
            html.append("<ul>")
            in_list = True
        elif segment.kind != "li" and in_list:
            html.append("</ul>")
            in_list = False
        inner = _render_text(body, segment, marks.get(segment, []))
        html.append(f"<{segment.kind}>{inner}</{segment.kind}>")
    if in_list:
        html.append("</ul>")
    return "\n".join(html)


def _usable_highlights(highlights, segments):
    """Map each segment to the highlights inside it, in order, without overlaps."""
    found = {}
    for item in sorted((Highlight(*h) for h in highlights), key=lambda h: (h.start, h.end)):
        if item.start >= item.end:
            continue
        segment = next((s for s in segments if s.start <= item.start < s.end), None)
        if segment is None or item.end > segment.end:
            continue
        taken = found.setdefault(segment, [])
        if taken and item.start < taken[-1].end:
            continue
        taken.append(item)
    return found


def _render_text(body, segment, marks):
    out, position = [], segment.start
    for mark in marks:
        out.append(escape(body[position : mark.start]))
        text = escape(body[mark.start : mark.end])
        attributes = dict(mark.attributes or {})
        href = attributes.pop("href", None)
        label = attributes.pop("label", None)
        after = attributes.pop("after", None)
        lang = _lang(attributes.pop("ui_lang", None))
        if href:
            text = f'<a href="{escape(str(href))}">{text}</a>'
        if label:
            text = f'<span class="visually-hidden"{lang}>{escape(str(label))} </span>{text}'
        out.append(f"<mark{_attributes(attributes)}>{text}</mark>")
        if after:
            out.append(_link_after(*after, described_by=attributes.get("id"), lang=lang))
        position = mark.end
    out.append(escape(body[position : segment.end]))
    return "".join(out)


def _lang(code):
    return f' lang="{escape(str(code))}"' if code else ""


def _link_after(href, text, described_by=None, lang=""):
    """A link right after a highlight; screen readers hear the highlight as its description."""
    described = f' aria-describedby="{escape(str(described_by))}"' if described_by else ""
    link = f'<a class="mark-link" href="{escape(str(href))}"{lang}{described}>'
    return f" {link}{escape(str(text))}</a>"


def _attributes(attributes):
    return "".join(
        f' {name}="{escape(str(value))}"'
        for name, value in attributes.items()
        if ATTRIBUTE_NAME.match(str(name)) and value is not None
    )
