"""The share card: a 1200x630 PNG with the title, the count and a bar towards the goal."""

import io
import shutil

import pytest
from PIL import Image

from campaign.petition.cards import (
    ELLIPSIS,
    HEIGHT,
    HIGHLIGHT,
    TRACK,
    WIDTH,
    FontFiles,
    covers,
    draw_share_card,
    find_font_files,
    font_stack,
    korean_fonts_from_fontconfig,
    title_lines,
    wrap,
)

# Pillow's own font only: what a machine without any installed font draws with.
NO_FONTS = FontFiles()
# A file that is not there, and one that is there but is no font.
BROKEN_FILES = FontFiles(bold=("/nonexistent/Bold.ttf", __file__),
                         regular=("/nonexistent/Regular.ttf", __file__))


def korean_fonts():
    files = find_font_files()
    if not any(covers(font, "한") for font in font_stack(files.bold, 40)[:-1]):
        pytest.skip("no font with Hangul installed (Debian: fonts-nanum)")
    return files


def card(**overrides):
    values = {
        "title": "Stop China's forced repatriation of North Korean defectors",
        "count": 1234,
        "goal": 10_000,
        "campaign": "Safe Passage",
        "count_label": "signatures",
        "goal_label": "Next goal: 10,000",
    }
    values.update(overrides)
    return draw_share_card(**values)


def open_png(data):
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image


def bar_colour_at(image, x):
    """Which of the bar's two colours the pixel in the middle of the bar is closest to."""
    pixel = image.convert("RGB").getpixel((x, 539))

    def distance(hex_colour):
        target = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        return sum((a - b) ** 2 for a, b in zip(pixel, target, strict=True))

    return "filled" if distance(HIGHLIGHT) < distance(TRACK) else "empty"


def test_card_is_a_1200_by_630_png_in_a_small_palette():
    image = open_png(card())
    assert image.size == (WIDTH, HEIGHT) == (1200, 630)
    assert image.mode == "P"
    # A card fetched by every chat app that previews the link stays small.
    assert len(card()) < 60_000


def test_same_input_gives_the_same_bytes_and_a_new_count_a_new_card():
    assert card() == card()
    assert card(count=1235) != card()


def test_korean_title_is_drawn_with_real_glyphs_where_a_korean_font_is_installed():
    files = korean_fonts()
    # Tofu boxes look alike whatever the syllable: two different Korean titles
    # of the same length only give different pictures when the glyphs are real.
    first = card(title="가나다 라마바사", font_files=files)
    second = card(title="탈북민 강제북송", font_files=files)
    assert first != second


def test_without_a_korean_font_korean_text_still_draws_a_card():
    first = card(title="가나다 라마바사", count_label="명", font_files=NO_FONTS)
    second = card(title="탈북민 강제북송", count_label="명", font_files=NO_FONTS)
    assert open_png(first).size == (1200, 630)
    # The fallback has no Hangul: both titles come out as the same boxes, which
    # is what the Korean font test above tells apart.
    assert first == second


def test_unreadable_font_files_fall_back_instead_of_failing():
    image = open_png(card(font_files=BROKEN_FILES, title="안전한 통로 café"))
    assert image.size == (1200, 630)


def test_a_named_korean_font_file_that_does_not_exist_is_skipped():
    files = find_font_files(korean_font="/nonexistent/Korean.ttf")
    assert "/nonexistent/Korean.ttf" not in files.regular + files.bold


def test_a_named_korean_font_file_comes_first():
    files = korean_fonts()
    chosen = files.regular[0]
    named = find_font_files(korean_font=chosen, korean_bold_font=chosen)
    assert named.regular[0] == named.bold[0] == chosen


def test_fontconfig_finds_a_korean_font_when_the_known_places_have_none():
    korean_fonts()
    if not shutil.which("fc-match"):
        pytest.skip("fontconfig is not installed")
    bold, regular = korean_fonts_from_fontconfig()
    assert covers(font_stack((regular,), 40)[0], "한")
    assert covers(font_stack((bold,), 40)[0], "한")


def test_the_korean_font_has_hangul_and_dejavu_does_not():
    files = korean_fonts()
    korean = font_stack(files.regular, 40)[0]
    assert covers(korean, "한")
    dejavu = font_stack(("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",), 40)
    if len(dejavu) == 1:
        pytest.skip("DejaVu Sans is not installed")
    assert not covers(dejavu[0], "한")
    assert covers(dejavu[0], "é")


def test_short_title_stays_on_one_line_at_the_largest_size():
    lines, size = title_lines("Safe passage now", find_font_files())
    assert lines == ["Safe passage now"]
    assert size == 68


def test_long_title_is_cut_to_three_lines_ending_in_an_ellipsis():
    title = " ".join(["defectors"] * 60)
    lines, size = title_lines(title, find_font_files())
    assert len(lines) == 3
    assert lines[-1].endswith(ELLIPSIS)
    assert size == 52


def test_title_that_fits_needs_no_ellipsis():
    lines, _ = title_lines("Stop forced repatriation of North Korean defectors", find_font_files())
    assert not any(line.endswith(ELLIPSIS) for line in lines)


def test_korean_words_wrap_at_spaces_and_overlong_words_between_syllables():
    files = korean_fonts()
    fonts = font_stack(files.bold, 60)
    lines = wrap("중국은 탈북민 강제북송을 즉각 중단하라", fonts, 400)
    assert len(lines) > 1
    # Every line starts and ends with a whole word.
    assert " ".join(lines) == "중국은 탈북민 강제북송을 즉각 중단하라"
    unbroken = "탈북민강제북송중단" * 5
    lines = wrap(unbroken, fonts, 400)
    assert "".join(lines) == unbroken
    assert all(sum(font.getlength(c) for c in line for font in fonts[:1]) <= 400
               for line in lines)


def test_control_characters_and_runs_of_spaces_are_cleaned_from_the_title():
    lines, _ = title_lines("Safe\x00 \n passage\t\tnow", find_font_files())
    assert lines == ["Safe passage now"]


def test_bar_is_empty_at_zero_and_full_at_the_goal():
    empty = open_png(card(count=0, goal=100))
    assert bar_colour_at(empty, 100) == "empty"
    assert bar_colour_at(empty, 1100) == "empty"
    full = open_png(card(count=100, goal=100))
    assert bar_colour_at(full, 100) == "filled"
    assert bar_colour_at(full, 1100) == "filled"
    beyond = open_png(card(count=250, goal=100))
    assert bar_colour_at(beyond, 1100) == "filled"


def test_bar_fills_in_proportion_to_the_goal():
    half = open_png(card(count=50, goal=100))
    assert bar_colour_at(half, 400) == "filled"
    assert bar_colour_at(half, 800) == "empty"


def test_a_few_signatures_still_show_on_the_bar():
    # Ten of a hundred thousand would be a hundredth of a pixel: it shows as a dot.
    few = open_png(card(count=10, goal=100_000))
    assert bar_colour_at(few, 70) == "filled"


def test_odd_numbers_do_not_break_the_card():
    for count, goal in ((-5, 0), (0, -1), (10**12, 10)):
        assert open_png(card(count=count, goal=goal)).size == (1200, 630)


def test_very_long_text_everywhere_still_renders_a_card():
    data = card(
        title="x" * 100_000,
        campaign="Safe Passage " * 50,
        count_label="signatures " * 50,
        goal_label="Next goal " * 50,
        count=10**15,
    )
    assert open_png(data).size == (1200, 630)


def contrast(first, second):
    """The WCAG contrast ratio of two #rrggbb colours."""

    def luminance(hex_colour):
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_card_colours_keep_text_readable_and_the_bar_visible():
    from campaign.petition import cards

    for colour in (cards.TEXT, cards.TEXT_SOFT, cards.HIGHLIGHT):
        assert contrast(colour, cards.BACKGROUND) >= 4.5
    assert contrast(cards.HIGHLIGHT, cards.TRACK) >= 3
