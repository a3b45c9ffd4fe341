"""Fixtures shared by the whole suite. Small factory functions, no framework."""

import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    # Pages are tested in English unless a test asks for Korean.
    settings.LANGUAGE_CODE = "en"


# Letters to officials ---------------------------------------------------------


def make_briefing(title="A humane China", publication="The Korea Herald", published_on=None,
                  slug=None):  # fmt: skip
    from articles.models import Briefing

    return Briefing.objects.create(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        body="China should stop sending defectors back.",
        publication=publication,
        published_on=published_on,
        status=Briefing.Status.PUBLISHED,
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
