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
