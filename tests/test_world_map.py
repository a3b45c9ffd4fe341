"""The world map of signatures: inline SVG coloured by signatures per country."""

import gzip
import itertools
import xml.etree.ElementTree as ET

import pytest

from campaign.petition.country_shapes import (
    MARKER_RADIUS,
    codes_on_map,
    parse_transform,
    path_rings,
    shapes,
    simplify,
)
from campaign.petition.worldmap import (
    CLASS_COLOURS,
    NONE_COLOUR,
    Labels,
    class_bounds,
    world_map_svg,
)

SVG = "{http://www.w3.org/2000/svg}"
NAMES = {"KR": "South Korea", "US": "United States", "SG": "Singapore", "FR": "France"}


def draw(counts, **options):
    options.setdefault("title", "Signatures by country")
    options.setdefault("description", "Where the signatures come from.")
    options.setdefault("names", NAMES)
    return world_map_svg(counts, **options)


def parse(svg):
    return ET.fromstring(svg)


def country_paths(root):
    """{tooltip: fill} for every country drawn."""
    return {
        path.find(f"{SVG}title").text: path.get("fill")
        for path in root.iter(f"{SVG}path")
    }


def coloured(root):
    return {title: fill for title, fill in country_paths(root).items() if fill != NONE_COLOUR}


def test_map_is_an_accessible_image_with_a_title_and_a_description():
    root = parse(draw({"KR": 3}, map_id="petition-map"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "petition-map-title petition-map-desc"
    assert root.find(f"{SVG}title").get("id") == "petition-map-title"
    assert root.find(f"{SVG}title").text == "Signatures by country"
    assert root.find(f"{SVG}desc").text == "Where the signatures come from."


def test_each_country_with_signatures_is_one_coloured_path_naming_it_and_its_count():
    root = parse(draw({"KR": 1500, "us": 12, "FR": 1}))
    assert coloured(root).keys() == {"South Korea: 1,500", "United States: 12", "France: 1"}
    # More signatures, darker blue: each class has its own colour.
    colours = coloured(root)
    assert len({colours["South Korea: 1,500"], colours["United States: 12"],
                colours["France: 1"]}) == 3


def test_countries_without_signatures_are_grey_and_say_so():
    paths = country_paths(parse(draw({"KR": 2})))
    assert paths["France: 0"] == NONE_COLOUR
    # Every country big enough to see is drawn, so the map is a whole world.
    assert len(paths) > 150


def test_countries_without_signatures_can_be_drawn_as_one_grey_path():
    merged = parse(draw({"KR": 5, "SG": 1}, merge_empty=True))
    paths = list(merged.iter(f"{SVG}path"))
    grey = [p for p in paths if p.get("fill") == NONE_COLOUR]
    assert len(grey) == 1 and grey[0].find(f"{SVG}title") is None
    assert paths[0] is grey[0], "under the coloured countries"
    assert {p.find(f"{SVG}title").text for p in paths[1:]} == {"South Korea: 5", "Singapore: 1"}
    # The same outlines, so the same picture, in a few hundred fewer elements.
    separate = parse(draw({"KR": 5, "SG": 1}))
    grey_outlines = "".join(
        p.get("d") for p in separate.iter(f"{SVG}path") if p.get("fill") == NONE_COLOUR
    )
    assert grey[0].get("d") == grey_outlines
    assert len(list(separate.iter())) - len(list(merged.iter())) > 300


def test_a_map_with_no_signatures_at_all_still_renders():
    root = parse(draw({}))
    assert coloured(root) == {}
    legend = [text.text for text in root.iter(f"{SVG}text")]
    assert legend == ["No signatures"]


def test_unknown_codes_and_odd_counts_are_left_out_without_failing():
    counts = {"ZZ": 5, "": 3, "K": 1, "kr": "7", "FR": -4, "US": "many", "SG": None, "AQ": 2}
    root = parse(draw(counts))
    assert coloured(root).keys() == {"South Korea: 7"}


def test_antarctica_is_left_off_the_map_so_callers_can_list_it_elsewhere():
    assert "AQ" not in codes_on_map()
    assert {"KR", "KP", "CN", "US", "SG", "XK"} <= codes_on_map()


def test_names_and_labels_are_escaped():
    names = {"KR": '<script>alert("x")</script> & Co'}
    svg = draw({"KR": 1}, names=names, title="<b>map</b>", description="a & b")
    assert "<script>" not in svg and "<b>" not in svg
    root = parse(svg)
    assert '<script>alert("x")</script> & Co: 1' in country_paths(root)
    assert root.find(f"{SVG}title").text == "<b>map</b>"


def test_nothing_needs_inline_styles_or_scripts():
    # The site's Content-Security-Policy refuses inline styles: colours are
    # presentation attributes.
    svg = draw({"KR": 100, "SG": 3})
    root = parse(svg)
    for element in root.iter():
        assert "style" not in element.attrib
        assert not any(name.startswith("on") for name in element.attrib)
        assert element.tag.removeprefix(SVG) not in {"script", "style", "foreignObject"}


def test_a_tiny_country_with_signatures_gets_a_dot_big_enough_to_see():
    root = parse(draw({"SG": 3}))
    (path,) = [p for p in root.iter(f"{SVG}path") if p.find(f"{SVG}title").text.startswith("Sing")]
    assert f"a{MARKER_RADIUS} {MARKER_RADIUS} 0 1 0" in path.get("d")
    # Without signatures it is not drawn at all: a dot would say it has some.
    assert not any(t.startswith("Singapore") for t in country_paths(parse(draw({"KR": 1}))))


def test_legend_shows_a_swatch_and_a_range_for_each_colour():
    root = parse(draw({"KR": 10_000, "US": 50}))
    legend = [text.text for text in root.iter(f"{SVG}text")]
    assert legend == ["No signatures", "1–9", "10–99", "100–999", "1,000 or more"]
    swatches = [rect.get("fill") for rect in root.iter(f"{SVG}rect")]
    assert swatches == [NONE_COLOUR, *CLASS_COLOURS]


def test_legend_and_tooltips_take_the_page_language_and_number_format():
    labels = Labels(
        no_signatures="서명 없음",
        country="%(name)s: %(count)s명",
        range="%(low)s–%(high)s명",
        single="%(low)s명",
        at_least="%(low)s명 이상",
    )
    root = parse(draw({"KR": 1200, "US": 1}, labels=labels, names={"kr": "대한민국"},
                      number=lambda n: f"{n:,}".replace(",", ".")))
    assert "대한민국: 1.200명" in country_paths(root)
    # A country the caller has no name for is named by its code.
    assert "US: 1명" in country_paths(root)
    legend = [text.text for text in root.iter(f"{SVG}text")]
    assert legend[0] == "서명 없음" and legend[-1].endswith("명 이상")


def test_same_counts_give_the_same_markup():
    assert draw({"KR": 5, "US": 2}) == draw({"US": 2, "KR": 5})
    assert draw({"KR": 5}) != draw({"KR": 6})


def test_map_stays_small_enough_to_send_inline():
    svg = draw({code: (i % 7) * 40 for i, code in enumerate(sorted(codes_on_map()))})
    assert len(svg) < 60_000
    assert len(gzip.compress(svg.encode())) < 20_000


def test_map_keeps_the_proportions_of_the_source_and_uses_whole_units():
    geometry, (width, height) = shapes()
    assert width == 1000 and 350 < height < 500
    root = parse(draw({}))
    assert root.get("viewBox").startswith("0 0 1000 ")
    for path in root.iter(f"{SVG}path"):
        assert "." not in path.get("d")


@pytest.mark.parametrize(
    ("largest", "bounds"),
    [(0, []), (1, [1]), (3, [1, 2]), (250, [1, 2, 10, 50]), (10_000, [1, 10, 100, 1000])],
)
def test_colour_classes_start_at_round_numbers_spread_on_a_log_scale(largest, bounds):
    assert class_bounds(largest) == bounds


def lightness(hex_colour):
    """CIE L* of a #rrggbb colour: what a greyscale print keeps."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y


def test_colours_get_steadily_darker_so_they_read_in_greyscale():
    values = [lightness(colour) for colour in (NONE_COLOUR, *CLASS_COLOURS)]
    assert all(a - b >= 10 for a, b in itertools.pairwise(values))


# The geometry underneath ----------------------------------------------------------


def test_path_data_with_relative_absolute_and_implicit_commands_gives_closed_rings():
    rings = path_rings("m 10,10 20,0 0,20 h -20 z M 100 100 L 110 100 V 110 Z")
    assert rings == [
        [(10, 10), (30, 10), (30, 30), (10, 30)],
        [(100, 100), (110, 100), (110, 110)],
    ]


def test_a_cubic_curve_keeps_its_middle_and_its_end():
    (ring,) = path_rings("M0 0 C 0 10 10 10 10 0 z")
    assert ring == [(0, 0), (5, 7.5), (10, 0)]


def test_broken_path_data_is_refused():
    with pytest.raises(ValueError):
        path_rings("10 10 20 20")
    with pytest.raises(ValueError):
        path_rings("M 10")


def test_transforms_compose_left_to_right():
    a, b, c, d, e, f = parse_transform("translate(10, 5) scale(2)")
    assert (a * 1 + c * 1 + e, b * 1 + d * 1 + f) == (12, 7)
    assert parse_transform("matrix(1,0,0,1,3,4)")[4:] == (3, 4)
    assert parse_transform(None) == (1, 0, 0, 1, 0, 0)


def test_simplifying_drops_points_that_barely_bend_the_line_and_keeps_corners():
    line = [(0, 0), (1, 0.1), (2, -0.1), (3, 0), (3, 5)]
    assert simplify(line, 0.5) == [(0, 0), (3, 0), (3, 5)]
    assert simplify(line, 0.01) == line
