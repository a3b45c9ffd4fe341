"""Summaries and the results table. Pure functions, no Django."""

import math


def percentile(values, fraction):
    """The value below which `fraction` (0..1) of `values` fall, interpolating
    linearly between the nearest ranks. None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * min(max(fraction, 0.0), 1.0)
    lower = math.floor(position)
    upper = math.ceil(position)
    weight = position - lower
    return ordered[lower] * (1 - weight) + ordered[upper] * weight


def median(values):
    return percentile(values, 0.5)


def median_of_runs(runs, field):
    """Median across repeated runs of one figure, ignoring runs that lack it."""
    values = [run[field] for run in runs if run.get(field) is not None]
    return median(values)


def format_number(value, digits=0):
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if digits == 0:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def format_table(headers, rows):
    """A Markdown table, columns padded so it also reads well in a terminal.
    Numbers are right-aligned, text left-aligned."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [len(header) for header in headers]
    for row in cells:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))

    def is_number(text):
        return bool(text) and (text[0].isdigit() or text[0] in "-–") and text != "-"

    numeric = [
        all(is_number(row[index]) for row in cells if row[index]) and bool(cells)
        for index in range(len(headers))
    ]

    def line(row):
        padded = [
            cell.rjust(widths[i]) if numeric[i] else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(
        ("-" * (widths[i] + 1) + ":") if numeric[i] else ("-" * (widths[i] + 2))
        for i in range(len(headers))
    ) + "|"
    return "\n".join([line(headers), rule, *(line(row) for row in cells)])
