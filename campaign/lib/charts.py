"""Server-rendered SVG charts for the admin dashboard.

Pure functions: numbers in, markup out, no Django imports. Each chart carries a
<title> and <desc> for screen readers; the dashboard also prints the numbers in
a table beside it.
"""

from html import escape

WIDTH = 640
HEIGHT = 240
MARGIN_LEFT = 48
MARGIN_RIGHT = 12
MARGIN_TOP = 12
MARGIN_BOTTOM = 28


def _nice_ceiling(value):
    """The smallest 1, 2 or 5 times a power of ten at or above value (at least 1)."""
    if value <= 1:
        return 1
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover


def chart_svg(points, *, title, description, chart_id, kind="bars"):
    """An SVG chart of (label, value) points, as bars or as a line.

    `chart_id` makes the ids of <title> and <desc> unique on the page.
    """
    if kind not in {"bars", "line"}:
        raise ValueError(f"unknown chart kind {kind!r}")
    points = [(str(label), max(0, int(value))) for label, value in points]
    top = _nice_ceiling(max((value for _, value in points), default=0))
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    baseline = MARGIN_TOP + plot_height
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"

    def y(value):
        return baseline - value * plot_height / top

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-labelledby="{escape(title_id)} {escape(desc_id)}" class="chart">',
        f'<title id="{escape(title_id)}">{escape(title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(description)}</desc>',
        # Axes and the two scale labels (zero and the top of the scale).
        f'<line x1="{MARGIN_LEFT}" y1="{baseline}" x2="{WIDTH - MARGIN_RIGHT}" '
        f'y2="{baseline}" stroke="#555" stroke-width="1"/>',
        f'<line x1="{MARGIN_LEFT}" y1="{MARGIN_TOP}" x2="{MARGIN_LEFT}" y2="{baseline}" '
        f'stroke="#555" stroke-width="1"/>',
        f'<line x1="{MARGIN_LEFT}" y1="{MARGIN_TOP}" x2="{WIDTH - MARGIN_RIGHT}" '
        f'y2="{MARGIN_TOP}" stroke="#ddd" stroke-width="1"/>',
        f'<text x="{MARGIN_LEFT - 6}" y="{baseline}" text-anchor="end" '
        f'font-size="11" fill="#333">0</text>',
        f'<text x="{MARGIN_LEFT - 6}" y="{MARGIN_TOP + 10}" text-anchor="end" '
        f'font-size="11" fill="#333">{top:,}</text>',
    ]
    count = len(points)
    if count:
        slot = plot_width / count
        if kind == "bars":
            bar = min(48.0, max(1.0, slot * 0.8))
            for index, (label, value) in enumerate(points):
                x = MARGIN_LEFT + index * slot + (slot - bar) / 2
                parts.append(
                    f'<rect x="{x:.1f}" y="{y(value):.1f}" width="{bar:.1f}" '
                    f'height="{baseline - y(value):.1f}" fill="#1f5f8b">'
                    f"<title>{escape(label)}: {value:,}</title></rect>"
                )
        else:
            coordinates = " ".join(
                f"{MARGIN_LEFT + (index + 0.5) * slot:.1f},{y(value):.1f}"
                for index, (_, value) in enumerate(points)
            )
            parts.append(
                f'<polyline points="{coordinates}" fill="none" stroke="#1f5f8b" stroke-width="2"/>'
            )
            # Dots mark the days while there are few enough to tell apart (and
            # make a single day visible at all).
            if count <= 60:
                for point in coordinates.split():
                    x, y_value = point.split(",")
                    parts.append(f'<circle cx="{x}" cy="{y_value}" r="3" fill="#1f5f8b"/>')
        # The first and last labels are enough to read the time axis.
        parts.append(
            f'<text x="{MARGIN_LEFT}" y="{HEIGHT - 8}" font-size="11" '
            f'fill="#333">{escape(points[0][0])}</text>'
        )
        if count > 1:
            parts.append(
                f'<text x="{WIDTH - MARGIN_RIGHT}" y="{HEIGHT - 8}" text-anchor="end" '
                f'font-size="11" fill="#333">{escape(points[-1][0])}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts)
