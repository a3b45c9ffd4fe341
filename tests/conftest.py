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


# Petition factories ------------------------------------------------------------

_petitions = 0


def make_petition(**fields):
    """An open petition; pass fields to change it."""
    from campaign.models import Petition

    global _petitions
    _petitions += 1
    values = {
        "title": "Stop the forced repatriation of North Korean defectors",
        "slug": f"stop-repatriation-{_petitions}",
        "statement": "We call on the government of China to stop.",
        "addressee": "the government of the People's Republic of China",
        "goal": 10_000,
        "state": Petition.State.OPEN,
    }
    values.update(fields)
    return Petition.objects.create(**values)


def signature_form(**fields):
    """What a person filling in the signing form sends, shown ten seconds earlier."""
    import time

    from campaign import abuse

    data = {
        "name": "Mina Park",
        "email": "mina@example.org",
        "country": "KR",
        "postal_code": "",
        "comment": "",
        "started": abuse.form_started_token(time.time() - 10),
        "website": "",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def petition(db):
    return make_petition()


def link_from_mail(message, kind="confirm"):
    """The site path of the confirm or withdraw link in an email."""
    import re

    from django.conf import settings

    match = re.search(rf"{re.escape(settings.SITE_URL)}(/\S+/{kind}/\S+/)", message.body)
    assert match, f"no {kind} link in: {message.body}"
    return match.group(1)


def sign(client, petition, on_commit, **fields):
    """Post the signing form as a person would; mail is delivered as after a commit."""
    with on_commit():
        return client.post(petition.get_absolute_url(), signature_form(**fields))
