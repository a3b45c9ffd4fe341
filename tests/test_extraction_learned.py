"""The extractor's learned reader: what it may add to the rules, and what it may not."""

import json

import pytest

from articles.evaluation import LABELLED_SETS, load_labelled
from articles.extraction import extract_calls, learned
from articles.extraction.layout import analyse
from articles.extraction.learned import MODEL_PATH, models
from articles.extraction.sentences import prepare
from articles.extraction.voice import find_voice
from articles.training import train
from tests.extraction_helpers import ROOT, SEED_DIR, sure_of

APPROVAL = 0.85


@pytest.fixture
def stand_in(monkeypatch):
    def use(word, addressee="other", sure=0.99):
        monkeypatch.setattr(learned, "models", lambda: sure_of(word, addressee, sure))

    return use


def test_a_sentence_the_rules_pass_over_is_offered_below_the_approval_line(stand_in):
    text = "The camps are full.\n\nWe would gladly see the Tumen camp opened to inspectors.\n"
    assert extract_calls(text, learned=False) == []
    stand_in("gladly", addressee="china")
    (call,) = extract_calls(text)
    assert call.sentence == "We would gladly see the Tumen camp opened to inspectors."
    assert text[call.start : call.end] == call.sentence
    assert call.addressee == "china"
    assert call.score < APPROVAL and call.doubts == ("only the learned reader",)
    assert call.ask and call.ask[0].isupper() and not call.ask.endswith(".")


@pytest.mark.parametrize(
    "sentence",
    [
        # the sentence says whose demand it is: the rules have read it
        "Activists say that China must stop the deportations.",
        "According to the envoy, Beijing should allow consular visits.",
        "Under the Convention, every state must protect refugees.",
        # a modal of likelihood or a remark, which the rules tell from a demand
        "It should be noted that China signed the convention.",
        "The answer should be to wait and see.",
    ],
)
def test_the_learned_reader_never_overrules_the_rules_on_what_a_modal_or_a_report_means(
    stand_in, sentence
):
    stand_in("the")  # sure that every sentence with "the" is a call
    assert extract_calls(sentence) == []


def test_a_call_whose_addressee_the_models_dispute_is_not_approved_unread(stand_in):
    text = "We urge the Chinese authorities to release the nine women held in Tumen."
    (alone,) = extract_calls(text, learned=False)
    assert alone.addressee == "china" and alone.score >= APPROVAL

    stand_in("nothing-matches", addressee="public", sure=0.9)
    (disputed,) = extract_calls(text)
    assert disputed.addressee == "china"  # the rules still say whom
    assert disputed.score < APPROVAL and "addressee models disagree" in disputed.doubts

    stand_in("nothing-matches", addressee="china", sure=0.9)
    (agreed,) = extract_calls(text)
    assert agreed == alone and agreed.score >= APPROVAL

    stand_in("nothing-matches", addressee="public", sure=0.5)  # not sure enough to doubt
    assert extract_calls(text)[0].score >= APPROVAL


def test_without_a_model_file_the_rules_stand_alone(monkeypatch, tmp_path):
    monkeypatch.setattr(learned, "MODEL_PATH", tmp_path / "missing.json")
    models.cache_clear()
    try:
        text = (SEED_DIR / "000_5fa6caaec037cdaa.txt").read_text(encoding="utf-8")
        assert learned.models() is None
        assert extract_calls(text) == extract_calls(text, learned=False)
    finally:
        models.cache_clear()


def test_the_models_give_probabilities():
    call_model, addressee_model = models()
    text = (ROOT / "tests" / "data" / "extraction" / "wire_report.txt").read_text()
    doc = prepare(text)
    doc.layout = analyse(doc)
    doc.voice = find_voice(doc)
    for idx in range(len(doc.sentences)):
        calls = call_model.probabilities(learned.call_features(doc, idx))
        whom = addressee_model.probabilities(learned.addressee_features(doc, idx))
        assert 0 <= calls["1"] <= 1 and calls["0"] + calls["1"] == pytest.approx(1)
        assert set(whom) == {
            "china", "international_community", "north_korea", "other", "public",
            "south_korea_government",
        }
        assert sum(whom.values()) == pytest.approx(1)


def test_the_committed_model_is_what_the_labels_and_features_give():
    """Changing labels, or rules the features read, without `make model` fails here."""
    labelled = []
    for name, sources, _genre in LABELLED_SETS:
        if name in ("seeds", "development"):
            for _part, labels, texts in sources:
                documents, gold = load_labelled(ROOT / labels, ROOT / texts)
                labelled += [(documents[entry["file"]], entry) for entry in gold]
    fresh = train(labelled, "")
    committed = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert fresh["examples"] == committed["examples"]
    for part in ("call", "addressee"):
        new, old = fresh[part], committed[part]
        assert new["classes"] == old["classes"]
        names = set(new["weights"]) | set(old["weights"])
        zero = [0.0] * len(new["classes"])
        drift = max(
            abs(a - b)
            for name in names
            for a, b in zip(
                new["weights"].get(name, zero), old["weights"].get(name, zero), strict=True
            )
        )
        assert drift < 0.02, f"{part} model differs from a fresh fit: run `make model`"


def test_an_order_the_rules_left_to_the_readers_goes_where_the_model_is_sure_it_belongs(
    stand_in,
):
    text = "Five people are held in Tumen.\n\nGrant UNHCR access to the five this week.\n"
    (alone,) = extract_calls(text, learned=False)
    assert alone.addressee == "public"  # an order with no one named: the readers

    stand_in("nothing-matches", addressee="china", sure=0.9)
    (moved,) = extract_calls(text)
    assert moved.addressee == "china" and moved.ask == alone.ask
    assert moved.score < APPROVAL and "addressee from the learned reader" in moved.doubts

    stand_in("nothing-matches", addressee="china", sure=0.6)  # not sure enough
    assert extract_calls(text)[0].addressee == "public"


def test_the_model_never_takes_a_named_addressee_away_from_the_rules(stand_in):
    text = "We urge the Chinese authorities to release the nine women held in Tumen."
    stand_in("nothing-matches", addressee="public", sure=0.99)
    assert extract_calls(text)[0].addressee == "china"
