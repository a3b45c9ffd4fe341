"""PDF documents with real, extractable text (reportlab, no Django): the page
set-up and the fonts the letters and the delivery PDF share.

Korean needs a font with Hangul: reportlab's built-in CID font HYSMyeongJo-Medium
is used whenever a text holds characters outside Windows-1252, so nothing has to
be installed and PDF readers show the text with their own Korean font.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import SimpleDocTemplate

CJK_FONT = "HYSMyeongJo-Medium"
PAGE_WIDTH, PAGE_HEIGHT = A4


def font_for(text, latin):
    """`latin` when a standard font can show `text`, else the built-in Korean font."""
    try:
        # The standard fonts cover Windows-1252, curly quotes and dashes included.
        text.encode("cp1252")
        return latin
    except UnicodeEncodeError:
        pass
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
