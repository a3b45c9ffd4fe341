"""PDF documents with real, extractable text (reportlab, no Django): the page
set-up and the fonts the letters and the delivery PDF share.

Korean needs a font with Hangul. Given a TrueType font file that has it (Debian's
fonts-nanum), the glyphs used are embedded in the PDF, so it looks the same in every
reader and prints anywhere. Without one, reportlab's built-in CID font
HYSMyeongJo-Medium is named instead: nothing has to be installed, and PDF readers
show the text with a Korean font of their own (if they have one).
"""

from functools import cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import SimpleDocTemplate

CJK_FONT = "HYSMyeongJo-Medium"
PAGE_WIDTH, PAGE_HEIGHT = A4


@cache
def truetype_font(path):
    """The name under which the TrueType font at `path` is registered (once per
    process), or None when there is no such file or it is not a font reportlab reads."""
    if not path or not Path(path).is_file():
        return None
    name = Path(path).stem
    try:
        pdfmetrics.registerFont(TTFont(name, path))
    except (TTFError, OSError):
        return None
    return name


def font_for(text, latin, korean_font=None):
    """`latin` when a standard font can show `text`; else the TrueType font at
    `korean_font` when it can be read, or the built-in Korean font."""
    try:
        # The standard fonts cover Windows-1252, curly quotes and dashes included.
        text.encode("cp1252")
        return latin
    except UnicodeEncodeError:
        pass
    embedded = truetype_font(korean_font) if korean_font else None
    if embedded:
        return embedded
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    return CJK_FONT


def lines_markup(block):
    """A block of plain text as paragraph markup: escaped, its line breaks kept."""
    return "<br/>".join(escape(line) for line in block.split("\n"))


def a4_pdf(story, *, title, margins, on_page=None):
    """Lay out `story` (reportlab flowables) on A4 pages; returns the PDF's bytes.

    `margins` are (left, right, top, bottom) in millimetres; `on_page(canvas,
    document)` draws on every page (page numbers).
    """
    left, right, top, bottom = (value * mm for value in margins)
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
    )
    pages = {"onFirstPage": on_page, "onLaterPages": on_page} if on_page else {}
    document.build(story, **pages)
    return buffer.getvalue()
