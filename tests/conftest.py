"""Fixtures shared by the whole suite. Factories are plain functions in tests/factories.py."""

import pytest

# The browser fixtures and hooks live in their own module.
from tests.browser_support import (  # noqa: F401
    axe_violations,
    browser,
    demo_site,
    mail_folder,
    page,
    page_without_js,
    pytest_collection_modifyitems,
    pytest_terminal_summary,
    screenshot,
)
from tests.factories import (
    CSRF_SECRET,
    create_briefing,
    make_fake_extractor,
    make_petition,
    make_staff,
)


@pytest.fixture
def client(client, settings):
    """pytest-django's client, holding the CSRF cookie that the factories' signing
    forms are bound to (tests.factories.signature_form), as a browser holds its own."""
    client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_SECRET
    return client


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    # Pages are tested in English unless a test asks for Korean.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Tests log staff in; real password hashing is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings):
    # Tasks run in the test's own process and transaction; django-tasks resets
    # its backends when the TASKS setting changes (tests/test_mail_queue.py
    # checks that the override is the backend in use).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _empty_cache_for_transactional_tests(request):
    # The flush after a transactional test leaves the database cache's table
    # alone: without this, what one test cached (admin sign-in failures, page
    # fragments) would show in the next. Emptied before and after, so neither
    # side sees the other's values. (Rate counters are a model: flushed.)
    from django.core.cache import cache

    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction"))
    if transactional:
        cache.clear()
    yield
    if transactional:
        cache.clear()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what the code defers to transaction.on_commit (mail delivery), as a
    real commit would: `with on_commit(): client.post(...)`."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def briefing_factory(db):
    """The briefing factory, for tests: `briefing_factory(status="draft")`."""
    return create_briefing


@pytest.fixture
def fake_extractor():
    """The fake extractor factory, for tests: `fake_extractor({sentence: (...)})`."""
    return make_fake_extractor


@pytest.fixture
def petition(db):
    return make_petition()


@pytest.fixture
def moderator(client, db):
    """A member of Moderators, signed in to the test client."""
    from campaign.roles import MODERATORS

    user = make_staff("moderator", MODERATORS)
    client.force_login(user)
    return user


@pytest.fixture
def editor(client, db):
    """A member of Editors, signed in to the test client."""
    from campaign.roles import EDITORS

    user = make_staff("editor", EDITORS)
    client.force_login(user)
    return user


@pytest.fixture
def kept_parts(settings, monkeypatch):
    """Public parts of pages kept as in production (a local cache, PUBLIC_CACHE_SECONDS 5);
    returns the clock of each worker's own copies: add a second to get past them."""
    from django.core.cache import cache

    from campaign.lib import fragments

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PUBLIC_CACHE_SECONDS = 5
    clock = {"now": 1000.0}
    monkeypatch.setattr(fragments, "_clock", lambda: clock["now"])
    cache.clear()
    fragments.clear_local()
    yield clock
    fragments.clear_local()
