"""Properties that hold for any input: offsets are exact, nothing crashes."""

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction import ADDRESSEES, extract_calls
from articles.sentences import split_sentences

# Text built from the pieces editorials are made of, plus arbitrary characters.
pieces = st.sampled_from(
    [
        "China",
        "should",
        "must",
        "not",
        "stop",
        "the",
        "returns",
        "We",
        "urge",
        "Seoul",
        "to",
        "act",
        "it is crucial to",
        "N.K.",
        "U.N.",
        "Mr.",
        "Aug. 7.",
        "1.5",
        ".",
        "?",
        "!",
        ",",
        "“",
        "”",
        '"',
        "’",
        "\n",
        "\n\n",
        "– ",
        "- ",
        "? ",
        "• ",
        " ",
        "  ",
        "Pyongyang",
        "its",
        "their",
        "they",
        "which",
        "if",
        "said",
        "(",
        ")",
    ]
)
texts = st.one_of(
    st.lists(pieces, max_size=60).map(" ".join),
    st.lists(pieces, max_size=60).map("".join),
    st.text(max_size=300),
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_sentences_always_point_at_their_exact_text(text):
    previous_end = 0
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.start >= previous_end
        previous_end = s.end


@settings(max_examples=300, deadline=None)
@given(texts)
def test_calls_always_point_at_their_exact_sentence_and_are_well_formed(text):
    for call in extract_calls(text):
        assert text[call.start : call.end] == call.sentence
        assert call.addressee in ADDRESSEES
        assert 0.0 <= call.score <= 1.0
        assert call.ask and call.ask[0] == call.ask[0].upper()
        assert not call.ask.endswith(".")
