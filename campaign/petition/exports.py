"""Exports for delivering the petition: a CSV of confirmed signers and a PDF.

What leaves the site: the names of confirmed, counted signers who agreed to
have their name shown, exactly as they agreed ("Show my first name and
initial on the list of signers"): the same first name and initial as the
public list (`rules.public_name`), never the full name; and every counted
signer's country and date. Email addresses, postal codes, comments and hashed
IPs are never exported: an embassy needs names and countries, and a file of
emails is the most dangerous thing a campaign can lose. A signer who did not
agree to show their name appears in the CSV with an empty name and in the PDF
only in the "and N others" line.
"""

import csv
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries as country_list
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from campaign.lib.csvsafe import safe_row
from campaign.lib.pdf import PAGE_WIDTH, a4_pdf, font_for, lines_markup
from campaign.petition.rules import public_name

# CSV ---------------------------------------------------------------------------


class _Echo:
    """A file-like object whose write() hands back the line, for streaming."""

    def write(self, value):
        return value


def signer_rows(petition):
    """Header and one row per counted signature, oldest first, read in chunks."""
    yield [_("Name"), _("Country"), _("Confirmed on")]
    countries = dict(country_list)
    signatures = (
        petition.signatures.counted()
        .order_by("confirmed_at", "pk")
        .values_list("name", "show_name", "country", "confirmed_at")
    )
    for name, show_name, country, confirmed_at in signatures.iterator(chunk_size=2000):
        yield [
            public_name(name) if show_name else "",
            countries.get(country, country),
            timezone.localdate(confirmed_at).isoformat() if confirmed_at else "",
        ]


def csv_lines(rows):
    """Stream rows as CSV text, every cell made safe against spreadsheet formulas."""
    writer = csv.writer(_Echo())
    # A byte order mark lets spreadsheet programs read Korean names correctly.
    yield "\ufeff"
    for row in rows:
        yield writer.writerow(safe_row(row))


# PDF ---------------------------------------------------------------------------

LATIN_FONT = "Helvetica"


def _font(text):
    return font_for(text, LATIN_FONT)


class NameLines(Flowable):
    """One short line per signer, drawn straight onto the page and split across
    pages: many times quicker than laying out a paragraph or a table when
    thousands have signed."""

    def __init__(self, lines, size=10, leading=13):
        super().__init__()
        self.lines, self.size, self.leading = lines, size, leading

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = len(self.lines) * self.leading
        return self.width, self.height

    def split(self, available_width, available_height):
        fits = int(available_height // self.leading)
        if fits <= 0:
            return []
        if fits >= len(self.lines):
            return [self]
        return [
            NameLines(self.lines[:fits], self.size, self.leading),
            NameLines(self.lines[fits:], self.size, self.leading),
        ]

    def draw(self):
        for index, line in enumerate(self.lines):
            self.canv.setFont(_font(line), self.size)
            baseline = self.height - (index + 1) * self.leading + (self.leading - self.size)
            self.canv.drawString(0, baseline, line)


def _number_pages(canvas, document):
    canvas.saveState()
    canvas.setFont(LATIN_FONT, 9)
    canvas.drawRightString(
        PAGE_WIDTH - 20 * mm, 12 * mm, _("Page %(number)d") % {"number": document.page}
    )
    canvas.restoreState()


def delivery_pdf(petition):
    """The petition as handed to an embassy: text, counts, and the named signers."""
    named = list(
        petition.signatures.shown_publicly()
        .order_by("confirmed_at", "pk")
        .values_list("name", "country")
    )
    counted = petition.signatures.counted().count()
    offline = petition.offline_total()
    countries = dict(country_list)

    def style(name, text, size, leading, **extra):
        return ParagraphStyle(name, fontName=_font(text), fontSize=size, leading=leading, **extra)

    story = []
    story.append(Paragraph(escape(petition.title), style("title", petition.title, 20, 25)))
    addressed = _("To: %(addressee)s") % {"addressee": petition.addressee}
    story.append(Paragraph(escape(addressed), style("to", addressed, 11, 15, spaceBefore=6)))
    story.append(Spacer(1, 6 * mm))
    for paragraph in petition.statement.replace("\r\n", "\n").split("\n\n"):
        if paragraph.strip():
            story.append(
                Paragraph(
                    lines_markup(paragraph.strip()),
                    style("statement", paragraph, 11.5, 16, spaceAfter=8, wordWrap=None),
                )
            )
    story.append(Spacer(1, 4 * mm))
    totals = [
        ngettext(
            "%(count)s person signed online, each confirming their email address.",
            "%(count)s people signed online, each confirming their email address.",
            counted,
        )
        % {"count": f"{counted:,}"}
    ]
    if offline:
        totals.append(
            _("Plus %(count)s signatures collected on paper and by partners.")
            % {"count": f"{offline:,}"}
        )
    totals.append(_("As of %(date)s.") % {"date": date_format(timezone.localdate(), "DATE_FORMAT")})
    for line in totals:
        story.append(Paragraph(escape(line), style("total", line, 12, 16, spaceAfter=4)))
    story.append(Spacer(1, 6 * mm))

    if named:
        heading = _("Signers who agreed to be named")
        story.append(Paragraph(escape(heading), style("h2", heading, 14, 18, spaceAfter=6)))
        story.append(
            NameLines(
                [
                    f"{public_name(name)} — {countries.get(country, country)}"
                    for name, country in named
                ]
            )
        )
    others = counted - len(named)
    if others:
        line = ngettext(
            "and %(count)s other person who signed without showing their name.",
            "and %(count)s others who signed without showing their names.",
            others,
        ) % {"count": f"{others:,}"}
        story.append(Paragraph(escape(line), style("others", line, 11, 15, spaceBefore=6)))

    return a4_pdf(story, title=petition.title, margins=(22, 22, 20, 22), on_page=_number_pages)
