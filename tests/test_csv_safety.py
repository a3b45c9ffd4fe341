"""CSV cells that a spreadsheet would run as formulas are neutralised."""

import pytest

from campaign.lib.csvsafe import safe_cell, safe_row


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://evil.example","x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"],
)
def test_formula_starts_get_a_quote_prefix(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Kim Min-jun", "Ana = Bob", "", "1-2"])
def test_ordinary_text_is_left_alone(value):
    assert safe_cell(value) == value


def test_a_row_is_made_safe_cell_by_cell_and_none_becomes_empty():
    assert safe_row(["=1", None, 3]) == ["'=1", "", "3"]
