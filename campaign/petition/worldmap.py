"""A world map of signatures by country, as inline SVG drawn on the server.

The outlines come from `campaign.petition.country_shapes`, read and reduced
once per process; each call only colours them, from light to dark by the
signatures of each country, and adds the legend.

Pure functions, no Django imports: names, labels and number formatting come
from the caller, already translated.
"""

import math
import unicodedata
from dataclasses import dataclass
from html import escape

from campaign.petition.country_shapes import MARKER_RADIUS, shapes

# A country with signatures that covers less than this (square units) is also
# marked with a dot of MARKER_RADIUS, so Singapore or Luxembourg can be seen.
MARKER_AREA = 30.0

LEGEND_HEIGHT = 44
LEGEND_FONT_SIZE = 16
STROKE = "#ffffff"
TEXT = "#1b1f24"
# No signatures, then up to four classes from light to dark blue (ColorBrewer's
# sequential "Blues"): one hue getting steadily darker reads in the right order
# for every kind of colour vision and in greyscale (CIE lightness about 91, 79,
# 58, 35 and 20, steps of at least 12).
NONE_COLOUR = "#e4e7eb"
CLASS_COLOURS = ("#9ecae1", "#4292c6", "#08519c", "#08306b")


@dataclass(frozen=True)
class Labels:
    """The words on the map, in the page's language (English by default).

    Placeholders are Python's %(name)s, as in Django's translations, so
    msgfmt checks that a translation keeps them. Counts arrive formatted.
    """

    no_signatures: str = "No signatures"
    # %(name)s and %(count)s: the tooltip of each country.
    country: str = "%(name)s: %(count)s"
    # %(low)s and %(high)s: a class of counts, a class of one number, the last class.
    range: str = "%(low)s–%(high)s"
    single: str = "%(low)s"
    at_least: str = "%(low)s or more"


_NICE_STEPS = (1, 2, 5)


def _nice_floor(value):
    """The largest 1, 2 or 5 times a power of ten at or below value (at least 1)."""
    if value < 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    return max(step * magnitude for step in _NICE_STEPS if step * magnitude <= value)


def class_bounds(largest, classes=None):
    """The lowest count of each colour class, spread evenly on a log scale up to largest.

    Signatures by country are spread over orders of magnitude (one country
    with thousands, many with a handful), so equal steps on a linear scale
    would colour all but one country alike; round numbers keep the legend
    readable (1, 10, 100, 1,000 for a largest of 10,000).
    """
    classes = classes or len(CLASS_COLOURS)
    if largest < 1:
        return []
    bounds = [1]
    for step in range(1, classes):
        bound = _nice_floor(largest ** (step / classes))
        if bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def _class_of(count, bounds):
    return max(index for index, low in enumerate(bounds) if count >= low)


def _default_number(value):
    return f"{value:,}"


def _clean_counts(counts, geometry):
    """{upper-case code: count} for the codes on the map with a count of one or more."""
    clean = {}
    for code, count in counts.items():
        code = str(code).strip().upper()
        try:
            count = int(count)
        except (TypeError, ValueError):
            continue
        if code in geometry and count > 0:
            clean[code] = clean.get(code, 0) + count
    return clean


def world_map_svg(counts, *, title, description, names=None, labels=None,
                  number=_default_number, map_id="signatures-map", legend=True,
                  merge_empty=False):
    """An accessible SVG map of signatures per country.

    counts: {ISO 3166-1 alpha-2 code: signatures}, any letter case; codes the
    map does not know (and counts below one) are left out. names: {code: name}
    in the page's language (default: the code). number: formats a count the
    way the page does. map_id: makes the ids of <title> and <desc> unique on
    the page. legend: False leaves the legend out of the picture, for a page
    that shows `legend_entries` as text of its own (the legend's letters shrink
    with the map, too small to read on a phone). merge_empty: draw the countries
    without signatures as one grey path without tooltips, which saves a page
    about 400 elements and 10 KB (the same picture; only the "France: 0"
    tooltips are lost). The same input gives the same markup.
    """
    labels = labels or Labels()
    names = {str(code).upper(): name for code, name in (names or {}).items()}
    geometry, (width, height) = shapes()
    clean = _clean_counts(counts, geometry)
    bounds = class_bounds(max(clean.values(), default=0))
    title_id, desc_id = f"{map_id}-title", f"{map_id}-desc"
    total_height = height + (LEGEND_HEIGHT if legend else 0)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {total_height}" '
        f'width="{width}" height="{total_height}" role="img" '
        f'aria-labelledby="{escape(title_id)} {escape(desc_id)}" class="world-map">',
        f'<title id="{escape(title_id)}">{escape(title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(description)}</desc>',
        f'<g stroke="{STROKE}" stroke-width="0.5" stroke-linejoin="round">',
    ]
    if merge_empty:
        # Drawn first, so the countries with signatures lie on top of it.
        empty = "".join(geometry[code].d for code in sorted(geometry) if code not in clean)
        if empty:
            parts.append(f'<path d="{empty}" fill="{NONE_COLOUR}"/>')
    for code in sorted(geometry):
        if merge_empty and code not in clean:
            continue
        shape = geometry[code]
        count = clean.get(code, 0)
        colour = CLASS_COLOURS[_class_of(count, bounds)] if count else NONE_COLOUR
        d = shape.d
        if count and shape.area < MARKER_AREA:
            # The dot alone: it covers the few pixels of the outline anyway, and
            # an outline inside it could wind the other way and punch a hole.
            x, y, r = *shape.centre, MARKER_RADIUS
            d = f"M{x - r} {y}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0z"
        if not d:
            continue
        label = labels.country % {"name": names.get(code) or code, "count": number(count)}
        parts.append(f'<path d="{d}" fill="{colour}"><title>{escape(label)}</title></path>')
    parts.append("</g>")
    if legend:
        parts.append(_legend(bounds, height, labels, number))
    parts.append("</svg>")
    return "".join(parts)


def legend_entries(counts, *, labels=None, number=_default_number):
    """[(colour, words)] of the map's legend for these counts, lightest first."""
    geometry, _size = shapes()
    largest = max(_clean_counts(counts, geometry).values(), default=0)
    return _legend_entries(class_bounds(largest), labels or Labels(), number)


def _text_width(text):
    """About how wide text is set in the legend, without the font at hand.

    A sans-serif Latin letter or digit is about 0.55em wide, a Hangul syllable
    (or any wide East Asian character) a full em.
    """
    ems = sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.55 for char in text)
    return math.ceil(ems * LEGEND_FONT_SIZE)


def _legend_entries(bounds, labels, number):
    entries = [(NONE_COLOUR, labels.no_signatures)]
    for index, low in enumerate(bounds):
        if index + 1 < len(bounds):
            high = bounds[index + 1] - 1
            text = (labels.single % {"low": number(low)} if high == low
                    else labels.range % {"low": number(low), "high": number(high)})
        else:
            text = labels.at_least % {"low": number(low)}
        entries.append((CLASS_COLOURS[index], text))
    return entries


def _legend(bounds, top, labels, number):
    """Colour swatches with the counts they stand for, in a row under the map."""
    entries = _legend_entries(bounds, labels, number)
    parts = [f'<g font-size="{LEGEND_FONT_SIZE}" font-family="sans-serif" fill="{TEXT}">']
    x, y = 8, top + 14
    for colour, text in entries:
        parts.append(f'<rect x="{x}" y="{y}" width="18" height="18" fill="{colour}" '
                     f'stroke="{TEXT}" stroke-width="0.5"/>')
        parts.append(f'<text x="{x + 24}" y="{y + 15}">{escape(text)}</text>')
        x += 24 + _text_width(text) + 20
    parts.append("</g>")
    return "".join(parts)
