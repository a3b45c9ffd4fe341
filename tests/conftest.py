"""Fixtures shared by the whole suite. Small factory functions, no framework."""

import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    # Pages are tested in English unless a test asks for Korean.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings):
    # Tasks run in the test's own process and transaction; django-tasks resets
    # its backends when the TASKS setting changes (tests/test_mail_queue.py
    # checks that the override is the backend in use).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what the code defers to transaction.on_commit (mail delivery), as a
    real commit would: `with on_commit(): client.post(...)`."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
