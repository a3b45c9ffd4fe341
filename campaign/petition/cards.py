"""Share cards: the 1200x630 picture a chat or social site shows beside a link.

Pure drawing with Pillow: plain values in, PNG bytes out, no Django imports.
The words on the card (the label under the count, the goal line) come from the
caller already translated, so this module holds no interface text.

Fonts: no single installed font is sure to cover everything a title may hold
(Hangul, accented Latin, punctuation), so each text is drawn from a stack of
fonts, a run at a time, taking every character from the first font that has a
glyph for it. The stack ends with Pillow's own font, so a card is drawn even on
a machine with no fonts installed at all (Korean then shows as blank boxes, but
the request does not fail).
"""

import io
import os
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 64

# The site's brand colours (static/css/site.css). Every text colour keeps at
# least 6.5:1 against the background (WCAG AAA for the large count, AA for the
# rest); the bar's fill keeps 3:1 against its track, which is lighter than the
# background so the empty part of the bar still shows.
BACKGROUND = "#133763"
TEXT = "#ffffff"
TEXT_SOFT = "#d3ddeb"
HIGHLIGHT = "#f2b705"
TRACK = "#3a659c"

# Largest first: a short title is set big, a long one steps down before it is
# cut off with an ellipsis after the last line.
TITLE_SIZES = (68, 60, 52)
TITLE_MAX_LINES = 3
ELLIPSIS = "…"
PALETTE_COLOURS = 64
MAX_TITLE_CHARACTERS = 400

# Where Debian and most Linux systems keep fonts with Hangul, bold face first.
# Nanum Gothic (fonts-nanum) also carries Latin letters and digits, so a card
# set in it looks the same in both languages.
KOREAN_FONTS = (
    ("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",
     "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
     "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)
# Covers accented Latin, Greek and Cyrillic that Nanum lacks.
LATIN_FONTS = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
)


@dataclass(frozen=True)
class FontFiles:
    """Font files to draw with, in order of preference: bold and regular faces."""

    bold: tuple[str, ...] = ()
    regular: tuple[str, ...] = ()


def _fc_match(pattern):
    """The file fontconfig picks for a pattern, or None (no fontconfig, no match)."""
    fc_match = shutil.which("fc-match")
    if not fc_match:
        return None
    try:
        result = subprocess.run(  # noqa: S603 (a fixed program and pattern, no shell)
            [fc_match, "--format=%{file}", pattern],
            capture_output=True, text=True, timeout=5, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path = result.stdout.strip()
    return path or None


def korean_fonts_from_fontconfig():
    """A (bold, regular) pair with Hangul from fontconfig, when it knows one."""
    bold = _fc_match(":lang=ko:weight=bold")
    regular = _fc_match(":lang=ko")
    if not regular:
        return None
    # fontconfig answers with its best guess even when nothing has Hangul,
    # so the answer only counts if the file really draws a Korean syllable.
    def has_hangul(path):
        font = _font(path, 32) if path else None
        return font is not None and covers(font, "한")

    if not has_hangul(regular):
        return None
    return (bold if has_hangul(bold) else regular), regular


@lru_cache(maxsize=8)
def find_font_files(korean_font=None, korean_bold_font=None):
    """The fonts a card is drawn with, best first.

    `korean_font` and `korean_bold_font` name files to prefer (a setting can
    point at them); then come the known places of Korean fonts, then whatever
    fontconfig offers for Korean, then DejaVu for the rest of Latin.
    Files that do not exist are left out. Cached: run once per process.
    """
    pairs = []
    if korean_font or korean_bold_font:
        pairs.append((korean_bold_font or korean_font, korean_font or korean_bold_font))
    pairs.extend(KOREAN_FONTS)
    found = [(b, r) for b, r in pairs if os.path.isfile(b) and os.path.isfile(r)]
    if not found:
        fontconfig = korean_fonts_from_fontconfig()
        if fontconfig:
            found.append(fontconfig)
    found.extend((b, r) for b, r in LATIN_FONTS if os.path.isfile(b) and os.path.isfile(r))
    return FontFiles(
        bold=tuple(dict.fromkeys(b for b, _ in found)),
        regular=tuple(dict.fromkeys(r for _, r in found)),
    )


@lru_cache(maxsize=64)
def _font(path, size):
    """A loaded font; None for a file that cannot be read, Pillow's own for path None."""
    if path is None:
        return ImageFont.load_default(size)
    try:
        # The basic layout needs no shaping library, so a card looks the same
        # wherever it is drawn; Hangul syllables need no shaping.
        return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)
    except (OSError, ValueError):
        return None


def font_stack(paths, size):
    """Loaded fonts for the files that can be read, then Pillow's own font."""
    fonts = [_font(path, size) for path in paths]
    return [font for font in fonts if font is not None] + [_font(None, size)]


@lru_cache(maxsize=4096)
def _glyph_signature(font, char):
    bbox = font.getbbox(char)
    return bbox, font.getlength(char), bytes(font.getmask(char))


def covers(font, char):
    """Whether the font has a glyph for char, rather than its "missing" box.

    Pillow has no cmap look-up, so the character's drawing is compared with the
    drawing of a code point no font maps (U+FFFF). Spaces count as covered.
    """
    if char.isspace() or unicodedata.category(char).startswith(("M", "C")):
        return True
    return _glyph_signature(font, char) != _glyph_signature(font, "\uffff")


def _runs(text, fonts):
    """Split text into (piece, font) runs, each character from the first font that has it.

    Spaces and combining marks stay with the run before them.
    """
    runs = []
    for char in text:
        if runs and (char.isspace() or unicodedata.combining(char)):
            font = runs[-1][1]
        else:
            font = next((f for f in fonts if covers(f, char)), fonts[0])
        if runs and runs[-1][1] is font:
            runs[-1][0] += char
        else:
            runs.append([char, font])
    return [(piece, font) for piece, font in runs]


def _width(text, fonts):
    return sum(font.getlength(piece) for piece, font in _runs(text, fonts))


def _draw(draw, xy, text, fonts, fill, align="left"):
    """Draw text on a common baseline at xy (left or right end), font run by font run."""
    x, baseline = xy
    if align == "right":
        x -= _width(text, fonts)
    for piece, font in _runs(text, fonts):
        draw.text((x, baseline), piece, font=font, fill=fill, anchor="ls")
        x += font.getlength(piece)


def _clean(text):
    """One line of printable text: control characters dropped, spaces collapsed."""
    text = "".join(" " if c.isspace() else c for c in str(text)
                   if c.isspace() or unicodedata.category(c) != "Cc")
    return " ".join(text.split())


def _break_word(word, fonts, max_width):
    """Pieces of a word too long for a line (a URL, or CJK text without spaces)."""
    pieces, current = [], ""
    for char in word:
        if current and not unicodedata.combining(char) and \
                _width(current + char, fonts) > max_width:
            pieces.append(current)
            current = ""
        current += char
    return pieces + ([current] if current else [])


def wrap(text, fonts, max_width):
    """Greedy line breaking at spaces, the way both English and Korean break.

    Korean separates words with spaces too, so it wraps like English; a word
    that is wider than the line on its own is broken between characters.
    """
    lines, current = [], ""
    for word in _clean(text).split(" "):
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if _width(candidate, fonts) <= max_width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if _width(word, fonts) <= max_width:
            current = word
        else:
            *full, current = _break_word(word, fonts, max_width)
            lines.extend(full)
    if current:
        lines.append(current)
    return lines


def _fit_line(text, fonts, max_width, cut=False):
    """text shortened to fit max_width, with an ellipsis when anything was cut.

    `cut` says text goes on beyond this line, so the ellipsis is due even if
    it fits. The cut falls between words unless that would leave the line
    less than two thirds full.
    """
    if not cut and _width(text, fonts) <= max_width:
        return text
    # The longest start of text that fits with the ellipsis, found by halving
    # (widths grow with every character added).
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _width(text[:middle].rstrip() + ELLIPSIS, fonts) <= max_width:
            low = middle
        else:
            high = middle - 1
    text = text[:low]
    head, space, _ = text.rpartition(" ")
    if space and _width(head, fonts) >= max_width * 2 / 3:
        text = head
    return text.rstrip() + ELLIPSIS


def title_lines(title, files, max_width=WIDTH - 2 * MARGIN):
    """(lines, font size) for the title: the largest size that fits, else cut short."""
    # Three lines hold about 120 characters; more only costs time to measure.
    title = _clean(title)[:MAX_TITLE_CHARACTERS]
    for size in TITLE_SIZES:
        fonts = font_stack(files.bold, size)
        lines = wrap(title, fonts, max_width)
        if len(lines) <= TITLE_MAX_LINES:
            return lines, size
    kept = lines[:TITLE_MAX_LINES]
    # The last line shown takes what follows it, cut short with an ellipsis
    # to say the title goes on.
    kept[-1] = _fit_line(f"{kept[-1]} {lines[TITLE_MAX_LINES]}", fonts, max_width, cut=True)
    return kept, size


def draw_share_card(*, title, count, goal, campaign, count_label, goal_label,
                    count_text=None, font_files=None):
    """The share card for a petition as PNG bytes (1200x630, 64 colours).

    title: the petition's title in the card's language; wrapped to three lines.
    count: signatures so far; goal: the number the bar fills towards (the next
    milestone). count_text: the count as the page prints it (default 12,345).
    count_label: the words after the count ("signatures"); goal_label: the line
    above the bar ("Next goal: 100,000"); campaign: the campaign's name.
    font_files: FontFiles to draw with (default: find_font_files()).
    The same input gives the same bytes.
    """
    files = font_files or find_font_files()
    count = max(0, int(count))
    goal = max(1, int(goal))
    count_text = count_text or f"{count:,}"
    inner = WIDTH - 2 * MARGIN
    image, draw = _card_with_title(title, campaign, files)

    # The count, big, with its label beside it on the same baseline; the count
    # steps down in size if a long number and label would not fit.
    label_fonts = font_stack(files.regular, 40)
    label = _clean(count_label)
    label_width = _width(label, label_fonts)
    for count_size in (116, 100, 88, 76, 64):
        count_fonts = font_stack(files.bold, count_size)
        if _width(count_text, count_fonts) + 24 + label_width <= inner:
            break
    count_baseline = 486
    _draw(draw, (MARGIN, count_baseline), count_text, count_fonts, HIGHLIGHT)
    label_x = MARGIN + _width(count_text, count_fonts) + 24
    _draw(draw, (label_x, count_baseline),
          _fit_line(label, label_fonts, WIDTH - MARGIN - label_x), label_fonts, TEXT)

    # The bar towards the goal, with the goal written under its right end. A
    # count above zero always shows as at least a dot, so ten of a hundred
    # does not look like none.
    bar_top, bar_height = 526, 26
    radius = bar_height // 2
    draw.rounded_rectangle((MARGIN, bar_top, WIDTH - MARGIN, bar_top + bar_height),
                           radius=radius, fill=TRACK)
    if count:
        filled = max(bar_height, round(inner * min(1.0, count / goal)))
        draw.rounded_rectangle((MARGIN, bar_top, MARGIN + filled, bar_top + bar_height),
                               radius=radius, fill=HIGHLIGHT)
    goal_fonts = font_stack(files.regular, 30)
    _draw(draw, (WIDTH - MARGIN, bar_top + bar_height + 44),
          _fit_line(_clean(goal_label), goal_fonts, inner), goal_fonts, TEXT_SOFT,
          align="right")

    return _png(image)


def draw_plain_card(*, title, campaign, call, font_files=None):
    """A card without a count (PNG bytes, 1200x630): the campaign's name, a title
    and a call to action where the count would be. For a link whose count is
    not at hand, such as the moment a petition's first card is being drawn."""
    files = font_files or find_font_files()
    image, draw = _card_with_title(title, campaign, files)
    call_fonts = font_stack(files.bold, 64)
    _draw(draw, (MARGIN, 486), _fit_line(_clean(call), call_fonts, WIDTH - 2 * MARGIN),
          call_fonts, HIGHLIGHT)
    return _png(image)


def _card_with_title(title, campaign, files):
    """A new card with the campaign's band and name and the title: (image, draw)."""
    inner = WIDTH - 2 * MARGIN
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)

    # A band of the highlight colour down the left edge marks the campaign.
    draw.rectangle((0, 0, 12, HEIGHT), fill=HIGHLIGHT)

    # The campaign's name, small, at the top.
    name_fonts = font_stack(files.bold, 30)
    _draw(draw, (MARGIN, MARGIN + 26), _fit_line(_clean(campaign), name_fonts, inner),
          name_fonts, TEXT_SOFT)

    # The title, as large as fits in three lines.
    lines, size = title_lines(title, files, inner)
    title_fonts = font_stack(files.bold, size)
    line_height = round(size * 1.22)
    baseline = MARGIN + 26 + 40 + size
    for line in lines:
        _draw(draw, (MARGIN, baseline), line, title_fonts, TEXT)
        baseline += line_height
    return image, draw


def _png(image):
    # A card has a few flat colours and the anti-aliased edges between them:
    # 64 palette colours keep the edges smooth at a third of the RGB size, and
    # encode in a tenth of the time of an optimised RGB file.
    image = image.quantize(PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
