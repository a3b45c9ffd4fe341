"""A finished letter as a PDF with real, extractable text (reportlab, no Django)."""

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from campaign.letters.compose import paragraphs
from campaign.lib.pdf import a4_pdf, font_for, lines_markup

LATIN_FONT = "Times-Roman"


def letter_pdf(text, *, recipient=(), date_line="", title="Letter"):
    """Render the letter: the recipient's address and the date, then the text.

    `recipient` is a sequence of address lines; `text` is the letter as the sender
    finished it, paragraphs separated by blank lines.
    """
    font = font_for("".join([text, date_line, *recipient]), LATIN_FONT)
    body = ParagraphStyle(
        "body",
        fontName=font,
        fontSize=11.5,
        leading=16,
        spaceAfter=9,
        # Hangul words wrap at spaces like English; CJK wrapping would split words.
        wordWrap=None,
    )
    story = []
    if recipient:
        story.append(Paragraph(lines_markup("\n".join(recipient)), body))
    if date_line:
        story.append(Paragraph(escape(date_line), body))
    if story:
        story.append(Spacer(1, 6 * mm))
    for block in paragraphs(text):
        story.append(Paragraph(lines_markup(block), body))
    return a4_pdf(story, title=title, margins=(25, 25, 25, 25))
