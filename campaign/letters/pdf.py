"""A finished letter as a PDF with real, extractable text (reportlab, no Django).

Whatever text is posted, the layout work stays small and grows with the text's length
only: the forms cap its size, long runs without a space are broken into lines, and
each paragraph is laid out in pieces of a few lines. reportlab re-wraps the rest of a
paragraph each time it splits one across pages, so one paragraph of thousands of
short lines would take seconds of CPU; pieces of a few lines take a few milliseconds.
"""

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from campaign.letters.compose import paragraphs
from campaign.lib.pdf import a4_pdf, font_for, lines_markup

LATIN_FONT = "Times-Roman"
# Characters without a space that still fit on one line of the page.
LONGEST_RUN = 70
# Lines of the letter (as typed) laid out as one piece.
LINES_PER_PIECE = 20


def _broken(line):
    """The line, with runs longer than LONGEST_RUN characters broken into lines."""
    pieces, current = [], []
    for word in line.split(" "):
        while len(word) > LONGEST_RUN:
            pieces.append(" ".join([*current, word[:LONGEST_RUN]]))
            current, word = [], word[LONGEST_RUN:]
        current.append(word)
    pieces.append(" ".join(current))
    return pieces


def letter_paragraphs(text):
    """The letter's paragraphs for layout: lists of lines, at most LINES_PER_PIECE each
    (a longer paragraph comes as several pieces, in order)."""
    pieces = []
    for block in paragraphs(text):
        lines = [part for line in block.split("\n") for part in _broken(line)]
        for start in range(0, len(lines), LINES_PER_PIECE):
            pieces.append(lines[start : start + LINES_PER_PIECE])
    return pieces


def letter_story(text, *, recipient=(), sender=(), date_line="", korean_font=None):
    """The flowables of the letter: the sender's block, the recipient's, the date, then
    the text."""
    font = font_for("".join([text, date_line, *recipient, *sender]), LATIN_FONT, korean_font)
    body = ParagraphStyle(
        "body",
        fontName=font,
        fontSize=11.5,
        leading=16,
        spaceAfter=9,
        # Hangul words wrap at spaces like English; CJK wrapping would split words.
        wordWrap=None,
    )
    right = ParagraphStyle("sender", parent=body, alignment=TA_RIGHT)
    story = []
    if sender:
        story.append(Paragraph(lines_markup("\n".join(sender)), right))
    if recipient:
        story.append(Paragraph(lines_markup("\n".join(recipient)), body))
    if date_line:
        story.append(Paragraph(lines_markup(date_line), body))
    if story:
        story.append(Spacer(1, 6 * mm))
    for piece in letter_paragraphs(text):
        story.append(Paragraph(lines_markup("\n".join(piece)), body))
    return story


def letter_pdf(text, *, recipient=(), sender=(), date_line="", title="Letter", korean_font=None):
    """Render the letter. `recipient` and `sender` are sequences of address lines; `text`
    is the letter as the sender finished it, paragraphs separated by blank lines;
    `korean_font` a TrueType file to embed for Korean (see campaign.lib.pdf)."""
    story = letter_story(
        text, recipient=recipient, sender=sender, date_line=date_line, korean_font=korean_font
    )
    return a4_pdf(story, title=title, margins=(25, 25, 25, 25))
