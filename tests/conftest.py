"""Fixtures shared by the whole suite. Small factory functions, no framework."""

import pytest

# One conftest for the suite (tests import helpers from it); the browser
# fixtures and hooks live in their own module.
from browser_support import (  # noqa: F401
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

    from campaign.petition import abuse

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


def make_signature(petition, email, country="KR", confirmed=True, **fields):
    """A signature through the service functions, so the counts stay exact."""
    from campaign.models import Signature
    from campaign.petition import signatures
    from campaign.petition.rules import normalise_email

    signature = Signature.objects.create(
        petition=petition,
        name=fields.pop("name", "Test Signer"),
        email=email,
        normalised_email=normalise_email(email),
        country=country,
        token_nonce="0" * 64,
        **fields,
    )
    if confirmed:
        signatures.confirm_signature(signature.pk)
        signature.refresh_from_db()
    return signature


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

    point = TalkingPoint.objects.create(ask=ask, ask_ko=ask_ko, addressee=addressee, status=status)
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


# Staff -------------------------------------------------------------------------


@pytest.fixture
def moderator(client, db):
    """A member of Moderators, signed in to the test client."""
    from campaign.roles import MODERATORS
    from tests.staff import make_staff

    user = make_staff("moderator", MODERATORS)
    client.force_login(user)
    return user


@pytest.fixture
def editor(client, db):
    """A member of Editors, signed in to the test client."""
    from campaign.roles import EDITORS
    from tests.staff import make_staff

    user = make_staff("editor", EDITORS)
    client.force_login(user)
    return user
