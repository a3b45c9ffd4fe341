"""Turn the plain text of an editorial, as captured from the web, into a briefing.

Pure functions, no Django: `decode_editorial(data)` checks the raw bytes and
`clean_editorial(text)` returns the headline, deck, photo caption, body and
source note. The body uses our format: paragraphs separated by a blank line,
`## ` starts a section heading, `- ` starts a list item.

Text is never rewritten: curly quotes, dashes and Korean pass through as they
are. Only lines are dropped (site furniture, repeats) or regrouped.
"""

import re
from dataclasses import dataclass

# Files larger than this are refused before they are read into memory.
MAX_FILE_BYTES = 10 * 1024 * 1024

# Whole lines that are site furniture rather than text. Compared without case
# and without surrounding spaces or a trailing colon.
BOILERPLATE_LINES = frozenset(
    {
        "advertisement",
        "back to top",
        "close",
        "comment",
        "comments",
        "copy link",
        "email",
        "facebook",
        "font size",
        "home",
        "kakaotalk",
        "list",
        "log in",
        "login",
        "menu",
        "more",
        "next",
        "nkhr issues",
        "previous",
        "print",
        "related articles",
        "scroll to top",
        "search",
        "share",
        "share this article",
        "sign in",
        "subscribe",
        "top",
        "twitter",
        "x",
        # Korean sites
        "공유",
        "공유하기",
        "닫기",
        "맨 위로",
        "목록",
        "스크랩",
        "인쇄",
        "홈",
    }
)

# A heading line the site marked with a bullet glyph (often garbled to "?").
HEADING_MARK = re.compile(r"^(?:\?|■|□|▶|▷|◆|◇|●|○|◎|※)\s+(?=\S)")
# A list item marked with a dash or bullet.
LIST_MARK = re.compile(r"^(?:–|—|-|•|·|\*)\s+(?=\S)")
# A section label in square brackets before a headline: "[Editorial] Humane China".
HEADLINE_LABEL = re.compile(r"^\[[^\]]{1,40}\]\s*")
# The end of a photo caption: an agency credit ("/News1", "(Yonhap)"), a photo
# credit ("(Photo: ...)"), or a date in parentheses ("(Aug. 7, 2023)").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
CAPTION_END = re.compile(
    r"(?:"
    r"(?-i:/\s*[A-Z가-힣][\w&.' -]{0,40})"
    r"|\((?:photo|image|courtesy|credit|captured|screenshot)\b[^()]*\)"
    r"|\((?:Yonhap|News1|Newsis|AP|AFP|Reuters|EPA|Xinhua|Getty Images)[^()]*\)"
    r"|\(\s*" + _MONTH + r"\s*\d{1,2}[.,]?\s*\d{4}\s*\)"
    r"|\(\s*\d{4}[-./]\d{1,2}[-./]\d{1,2}\.?\s*\)"
    r")\s*$",
    re.IGNORECASE,
)
# A closing attribution: "(This paper referred to articles by ...)".
SOURCE_NOTE = re.compile(
    r"^\(\s*((?:this|the)\s+(?:paper|article|post|page|report|text)\s+"
    r"(?:referred to|refers to|is based on|draws on|used)\b[^()]*)\)\s*$"
    r"|^\(\s*((?:sources?|references?)\s*:[^()]*)\)\s*$",
    re.IGNORECASE,
)
# Control characters that have no place in text (tab, line ends and form feed do).
CONTROL_CHARACTERS = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
SENTENCE_END = (".", "!", "?", "…", "”", '"', "’", ":", ";")
MAX_HEADLINE_CHARS = 200
MAX_CAPTION_CHARS = 300


class CleanupError(ValueError):
    """The file cannot become a briefing; the message says why in plain words."""


@dataclass(frozen=True)
class CleanedEditorial:
    title: str
    deck: str
    caption: str
    body: str
    source_note: str
    # Figures for the import report.
    blocks_read: int
    repeats_dropped: int
    boilerplate_dropped: int


def decode_editorial(data: bytes) -> str:
    """Check raw file contents and return them as text, or raise CleanupError."""
    if len(data) > MAX_FILE_BYTES:
        raise CleanupError(
            f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB ({len(data)} bytes)"
        )
    if b"\x00" in data:
        raise CleanupError("binary file (contains NUL bytes), not plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CleanupError(
            f"not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start}); "
            "save the file as UTF-8"
        ) from None
    controls = len(CONTROL_CHARACTERS.findall(text))
    if controls > len(text) // 100:
        raise CleanupError("binary file (full of control characters), not plain text")
    # A few stray control characters are invisible debris from copying: drop them.
    text = CONTROL_CHARACTERS.sub("", text)
    if not text.strip():
        raise CleanupError("empty file")
    return text


def clean_editorial(text: str) -> CleanedEditorial:
    """Split raw editorial text into title, deck, caption, body and source note."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept_lines = []
    boilerplate = 0
    for line in lines:
        if is_boilerplate(line):
            boilerplate += 1
            continue
        kept_lines.append(line.rstrip())
    blocks = _blocks(kept_lines)
    blocks_read = len(blocks)

    blocks, repeats = _drop_repeats(blocks)
    caption, title, deck, blocks = _take_front_matter(blocks)
    source_note = ""
    if blocks:
        match = SOURCE_NOTE.match(blocks[-1])
        if match:
            source_note = (match.group(1) or match.group(2)).strip()
            blocks = blocks[:-1]

    body = _format_body(blocks)
    if not body:
        raise CleanupError("no text left after removing headline and site furniture")
    return CleanedEditorial(
        title=title,
        deck=deck,
        caption=caption,
        body=body,
        source_note=source_note,
        blocks_read=blocks_read,
        repeats_dropped=repeats,
        boilerplate_dropped=boilerplate,
    )


def is_boilerplate(line: str) -> bool:
    return line.strip().rstrip(":").strip().casefold() in BOILERPLATE_LINES


def _blocks(lines):
    """Group consecutive non-blank lines; join each group with single spaces.

    Some sources put one sentence on each line of a paragraph, others one
    paragraph on each line with blank lines between: both come out as one
    block per paragraph. Lines that carry a heading or list mark start a block
    of their own so a list pressed against a paragraph is not swallowed.
    """
    blocks, current = [], []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        if current and (HEADING_MARK.match(stripped) or LIST_MARK.match(stripped)):
            blocks.append(" ".join(current))
            current = []
        current.append(stripped)
        if HEADING_MARK.match(stripped) or LIST_MARK.match(stripped):
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def _drop_repeats(blocks):
    """Keep the first occurrence of each block (captures sometimes hold a page twice)."""
    seen, kept = set(), []
    for block in blocks:
        key = " ".join(block.split()).casefold()
        if key in seen:
            continue
        seen.add(key)
        kept.append(block)
    return kept, len(blocks) - len(kept)


def _looks_like_caption(block):
    return len(block) <= MAX_CAPTION_CHARS and bool(CAPTION_END.search(block))


def _looks_like_headline(block):
    return (
        len(block) <= MAX_HEADLINE_CHARS
        and not block.endswith(SENTENCE_END)
        and not HEADING_MARK.match(block)
        and not LIST_MARK.match(block)
        and not SOURCE_NOTE.match(block)
    )


def _take_front_matter(blocks):
    """Recognise a leading photo caption, headline and deck; return the rest as text."""
    caption = title = deck = ""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not caption and not title and _looks_like_caption(block):
            caption = block
        elif not title and _looks_like_headline(block) and index + 1 < len(blocks):
            title = HEADLINE_LABEL.sub("", block).strip() or block
        elif title and not deck and _looks_like_headline(block) and index + 1 < len(blocks):
            deck = block
        elif not caption and _looks_like_caption(block):
            caption = block
        else:
            break
        index += 1
    return caption, title, deck, blocks[index:]


def _format_body(blocks):
    """Write blocks in the body format; consecutive list items form one list."""
    out = []
    for block in blocks:
        heading = HEADING_MARK.match(block)
        item = LIST_MARK.match(block)
        if heading and len(block) <= MAX_HEADLINE_CHARS:
            out.append("## " + block[heading.end() :])
        elif heading:
            # Too long for a heading: a marked paragraph.
            out.append(block[heading.end() :])
        elif item:
            text = "- " + block[item.end() :]
            if out and out[-1].startswith("- "):
                out[-1] += "\n" + text
            else:
                out.append(text)
        else:
            out.append(block)
    return "\n\n".join(out)
