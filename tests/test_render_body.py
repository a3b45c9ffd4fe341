"""Rendering the body format to HTML, with highlighted sentences."""

from hypothesis import given
from hypothesis import strategies as st

from articles.rendering import Highlight, parse_body, render_body

BODY = (
    "China must stop. It should act now.\n"
    "\n"
    "## What we ask\n"
    "\n"
    "- Stop the repatriations\n"
    "- Let the UNHCR in\n"
    "\n"
    "Last paragraph."
)


def span(body, text):
    start = body.index(text)
    return start, start + len(text)


def test_paragraphs_headings_and_lists_become_semantic_html():
    assert render_body(BODY) == (
        "<p>China must stop. It should act now.</p>\n"
        "<h2>What we ask</h2>\n"
        "<ul>\n"
        "<li>Stop the repatriations</li>\n"
        "<li>Let the UNHCR in</li>\n"
        "</ul>\n"
        "<p>Last paragraph.</p>"
    )


def test_a_list_right_after_a_paragraph_line_is_still_a_list():
    assert render_body("Our asks:\n- one\n- two") == (
        "<p>Our asks:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"
    )


def test_lines_of_one_paragraph_stay_in_one_paragraph():
    assert render_body("Line one.\nLine two.") == "<p>Line one.\nLine two.</p>"


def test_script_in_body_text_is_escaped():
    html = render_body('<script>alert("x")</script>\n\n## <b>bold</b>\n\n- a & b')
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<h2>&lt;b&gt;bold&lt;/b&gt;</h2>" in html
    assert "<li>a &amp; b</li>" in html


def test_curly_quotes_and_korean_pass_through():
    body = "정부는 “조용한 외교”를 그만두라 – 지금."
    assert render_body(body) == f"<p>{body}</p>"


def test_a_highlight_wraps_the_sentence_in_mark_with_its_attributes():
    start, end = span(BODY, "It should act now.")
    html = render_body(BODY, [Highlight(start, end, {"id": "cta-7", "class": "cta"})])
    assert '<p>China must stop. <mark id="cta-7" class="cta">It should act now.</mark></p>' in html


def test_a_highlight_with_a_link_puts_the_link_inside_the_mark():
    start, end = span(BODY, "China must stop.")
    html = render_body(BODY, [(start, end, {"href": "/letters/?point=3"})])
    assert '<mark><a href="/letters/?point=3">China must stop.</a></mark>' in html


def test_highlights_in_headings_and_list_items_work():
    html = render_body(
        BODY,
        [span(BODY, "What we ask"), span(BODY, "Let the UNHCR in")],
    )
    assert "<h2><mark>What we ask</mark></h2>" in html
    assert "<li><mark>Let the UNHCR in</mark></li>" in html


def test_highlights_are_applied_in_any_order():
    first, second = span(BODY, "China must stop."), span(BODY, "It should act now.")
    assert render_body(BODY, [second, first]) == render_body(BODY, [first, second])
    assert render_body(BODY, [second, first]).count("<mark>") == 2


def test_overlapping_highlights_keep_the_first_and_ignore_the_rest():
    start, end = span(BODY, "China must stop. It should")
    html = render_body(BODY, [(start, end), (start + 6, end + 5)])
    assert html.count("<mark>") == 1
    assert "<mark>China must stop. It should</mark> act now." in html


def test_highlights_crossing_a_block_or_out_of_range_are_ignored():
    crossing = (BODY.index("now."), BODY.index("What we ask") + 4)
    html = render_body(BODY, [crossing, (5, 5), (-3, 2), (len(BODY) + 1, len(BODY) + 9)])
    assert "<mark" not in html
    assert html == render_body(BODY)


def test_highlight_attributes_are_escaped_and_event_handlers_refused():
    start, end = span(BODY, "Last paragraph.")
    html = render_body(
        BODY,
        [(start, end, {"title": '"><script>', "onclick": "evil()", "bad name": "x"})],
    )
    assert '<mark title="&quot;&gt;&lt;script&gt;">Last paragraph.</mark>' in html
    assert "onclick" not in html
    assert "bad name" not in html


def test_highlighted_text_is_escaped_too():
    body = "Say <no> to repatriation."
    html = render_body(body, [span(body, "<no>")])
    assert html == "<p>Say <mark>&lt;no&gt;</mark> to repatriation.</p>"


def test_segment_offsets_point_at_the_text_in_the_body():
    texts = [BODY[s.start : s.end] for s in parse_body(BODY)]
    assert texts == [
        "China must stop. It should act now.",
        "What we ask",
        "Stop the repatriations",
        "Let the UNHCR in",
        "Last paragraph.",
    ]


def test_windows_line_ends_do_not_leak_into_the_html():
    assert render_body("One.\r\n\r\nTwo.") == "<p>One.</p>\n<p>Two.</p>"


def test_empty_headings_and_items_are_skipped():
    assert render_body("## \n\n- \n\nText.") == "<p>Text.</p>"


@given(st.text(), st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=6))
def test_any_body_and_ranges_render_without_raw_angle_brackets(body, ranges):
    html = render_body(body, ranges)
    stripped = (
        html.replace("<mark>", "")
        .replace("</mark>", "")
        .replace("<p>", "")
        .replace("</p>", "")
        .replace("<h2>", "")
        .replace("</h2>", "")
        .replace("<ul>", "")
        .replace("</ul>", "")
        .replace("<li>", "")
        .replace("</li>", "")
    )
    assert "<" not in stripped
    assert html.count("<mark>") == html.count("</mark>")
