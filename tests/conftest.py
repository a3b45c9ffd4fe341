"""Fixtures shared by the whole suite. Small factory functions, no framework."""

import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    # Pages are tested in English unless a test asks for Korean.
    settings.LANGUAGE_CODE = "en"


# Talking points ----------------------------------------------------------------


def make_briefing(body, slug="a-briefing", title=None, status="published", **fields):
    from articles.models import Briefing

    return Briefing.objects.create(
        title=title or slug.replace("-", " ").capitalize(),
        slug=slug,
        body=body,
        status=status,
        **fields,
    )


class FakeCall:
    """Stands in for articles.extraction.Call."""

    def __init__(self, sentence, start, end, addressee, ask, score):
        self.sentence, self.start, self.end = sentence, start, end
        self.addressee, self.ask, self.score = addressee, ask, score


def fake_extractor(table):
    """An extractor that knows a fixed set of sentences: {sentence: (addressee, ask, score)}.

    It reports every occurrence of each sentence in the text, as the real one
    does for a repeated paragraph.
    """

    def extract(text):
        calls = []
        for sentence, (addressee, ask, score) in table.items():
            start = text.find(sentence)
            while start != -1:
                end = start + len(sentence)
                calls.append(FakeCall(sentence, start, end, addressee, ask, score))
                start = text.find(sentence, end)
        return sorted(calls, key=lambda call: call.start)

    return extract
