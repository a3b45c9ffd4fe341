"""A finished letter as a PDF with real, extractable text (reportlab, no Django).

Korean needs a font with Hangul: reportlab's built-in CID font HYSMyeongJo-Medium
is used whenever the letter holds characters outside Windows-1252, so nothing has to be
installed and PDF readers show the text with their own Korean font.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from campaign.letters.compose import paragraphs

CJK_FONT = "HYSMyeongJo-Medium"
LATIN_FONT = "Times-Roman"


def font_for(text, latin=LATIN_FONT):
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


def _lines(block):
    return "<br/>".join(escape(line) for line in block.split("\n"))


def letter_pdf(text, *, recipient=(), date_line="", title="Letter"):
    """Render the letter: the recipient's address and the date, then the text.

    `recipient` is a sequence of address lines; `text` is the letter as the sender
    finished it, paragraphs separated by blank lines.
    """
    font = font_for("".join([text, date_line, *recipient]))
    body = ParagraphStyle(
        "body",
        fontName=font,
        fontSize=11.5,
        leading=16,
        spaceAfter=9,
        # Hangul words wrap at spaces like English; CJK wrapping would split words.
        wordWrap=None,
    )
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=25 * mm,
        title=title,
    )
    story = []
    if recipient:
        story.append(Paragraph(_lines("\n".join(recipient)), body))
    if date_line:
        story.append(Paragraph(escape(date_line), body))
    if story:
        story.append(Spacer(1, 6 * mm))
    for block in paragraphs(text):
        story.append(Paragraph(_lines(block), body))
    document.build(story)
    return buffer.getvalue()
