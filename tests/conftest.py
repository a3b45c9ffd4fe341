"""Fixtures shared by the whole suite. Small factory functions, no framework."""

import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    # Pages are tested in English unless a test asks for Korean.
    settings.LANGUAGE_CODE = "en"
