"""Spreadsheet-safe CSV cells. Pure functions, no Django imports."""

# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise a cell that a spreadsheet would run as a formula by prefixing a quote."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def safe_row(values):
    return [safe_cell(value) for value in values]
