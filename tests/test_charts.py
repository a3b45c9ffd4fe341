"""The dashboard's SVG charts are built by a pure function from numbers."""

import pytest

from campaign.lib.charts import chart_svg


def test_a_bar_chart_has_a_title_a_description_and_one_bar_per_day():
    svg = chart_svg(
        [("2026-11-01", 3), ("2026-11-02", 0), ("2026-11-03", 7)],
        title="Signatures per day",
        description="3, 0 and 7 signatures",
        chart_id="daily",
    )
    assert svg.startswith("<svg")
    assert '<title id="daily-title">Signatures per day</title>' in svg
    assert '<desc id="daily-desc">3, 0 and 7 signatures</desc>' in svg
    assert 'aria-labelledby="daily-title daily-desc"' in svg
    assert svg.count("<rect") == 3
    assert "2026-11-01" in svg and "2026-11-03" in svg


def test_a_line_chart_draws_one_polyline_through_every_point():
    svg = chart_svg([("a", 1), ("b", 5)], title="t", description="d", chart_id="c", kind="line")
    assert svg.count("<polyline") == 1
    polyline = svg.split('<polyline points="')[1].split('"')[0]
    assert len(polyline.split()) == 2


def test_labels_are_escaped():
    svg = chart_svg([("<b>", 1)], title="<script>", description="&", chart_id="x")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<b>" not in svg


def test_an_empty_series_still_renders_an_accessible_chart():
    svg = chart_svg([], title="Nothing yet", description="No signatures", chart_id="e")
    assert "<title" in svg and svg.endswith("</svg>")


def test_the_scale_rounds_up_to_a_readable_number():
    svg = chart_svg([("a", 1234)], title="t", description="d", chart_id="s")
    assert ">2,000</text>" in svg


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        chart_svg([], title="t", description="d", chart_id="u", kind="pie")


def test_a_single_day_is_visible_as_a_dot_on_the_line_and_bars_stay_narrow():
    line = chart_svg([("2026-11-23", 10)], title="t", description="d", chart_id="o", kind="line")
    assert line.count("<circle") == 1
    bars = chart_svg([("2026-11-23", 10)], title="t", description="d", chart_id="b")
    assert 'width="48.0"' in bars
