"""Fixtures shared by the whole suite. Small factory functions, no framework."""

import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    # Pages are tested in English unless a test asks for Korean.
    settings.LANGUAGE_CODE = "en"


# Briefings ---------------------------------------------------------------------


def create_briefing(**fields):
    """A published briefing with a small body; override any field."""
    from articles.models import Briefing

    values = {
        "title": "Humane China",
        "slug": "humane-china",
        "deck": "Beijing must stop repatriating N.K. defectors",
        "summary": "China must stop sending defectors back.",
        "body": "First paragraph.\n\n## A heading\n\n- one\n- two\n\nLast paragraph.",
        "status": Briefing.Status.PUBLISHED,
    }
    values.update(fields)
    return Briefing.objects.create(**values)


@pytest.fixture
def briefing_factory(db):
    """The briefing factory, for tests: `briefing_factory(status="draft")`."""
    return create_briefing


# Talking points: a stand-in for the call-to-action extractor.


class FakeCall:
    """Stands in for articles.extraction.Call."""

    def __init__(self, sentence, start, end, addressee, ask, score):
        self.sentence, self.start, self.end = sentence, start, end
        self.addressee, self.ask, self.score = addressee, ask, score


def make_fake_extractor(table):
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


@pytest.fixture
def fake_extractor():
    """The fake extractor factory, for tests: `fake_extractor({sentence: (...)})`."""
    return make_fake_extractor


# Letters to officials ---------------------------------------------------------


def make_briefing(title="A humane China", publication="The Korea Herald", published_on=None,
                  slug=None):  # fmt: skip
    return create_briefing(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        publication=publication,
        published_on=published_on,
    )


def make_point(ask, ask_ko="", addressee="china", briefing=None, status="approved"):
    from articles.models import Citation, TalkingPoint

    point = TalkingPoint.objects.create(
        ask=ask, ask_ko=ask_ko, addressee=addressee, status=status
    )
    if briefing is not None:
        start = briefing.citations.count() * 10
        Citation.objects.create(
            talking_point=point, briefing=briefing, sentence=ask, start=start, end=start + 5
        )
    return point


def make_official(title="Ambassador of China to the Republic of Korea", **fields):
    from campaign.models import Official

    fields.setdefault("organisation", "Embassy of China")
    fields.setdefault("category", "china")
    return Official.objects.create(title=title, **fields)
