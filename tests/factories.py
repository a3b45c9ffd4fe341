"""Small factory functions for the suite, no framework. Import them from here
(`from tests.factories import make_petition`); fixtures live in conftest.py."""

import re
import secrets
import time

from django.conf import settings

# Briefings and talking points --------------------------------------------------


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


# A stand-in for the call-to-action extractor.


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


# Petitions and signatures --------------------------------------------------------

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


# The CSRF cookie every test visitor holds (the `client` fixture, `visitor()`): the
# signing form's time-stamp is bound to it, as a browser's is to its own.
CSRF_SECRET = "testsuitecsrfsecret0123456789abc"


def form_started(seconds_ago=10):
    """The signing form's time-stamp as a test visitor's page held it."""
    from django.test import RequestFactory

    from campaign.petition import abuse

    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = CSRF_SECRET
    return abuse.form_started_token(request, now=time.time() - seconds_ago)


def visitor(**options):
    """A test client holding the test visitors' CSRF cookie."""
    from django.test import Client

    client = Client(**options)
    client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_SECRET
    return client


def signature_form(**fields):
    """What a person filling in the signing form sends, shown ten seconds earlier."""
    data = {
        "name": "Mina Park",
        "email": "mina@example.org",
        "country": "KR",
        "postal_code": "",
        "comment": "",
        "started": form_started(),
        "website": "",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def link_from_mail(message, kind="confirm"):
    """The site path of the confirm or withdraw link in an email."""
    match = re.search(rf"{re.escape(settings.SITE_URL)}(/\S+/{kind}/\S+/)", message.body)
    assert match, f"no {kind} link in: {message.body}"
    return match.group(1)


def sign(client, petition, on_commit, **fields):
    """Post the signing form as a person would; mail is delivered as after a commit."""
    with on_commit():
        return client.post(petition.get_absolute_url(), signature_form(**fields))


def make_signature(
    petition,
    name="Kim Min-jun",
    *,
    email=None,
    country="KR",
    state="confirmed",
    flagged=False,
    confirmed_at=None,
    **fields,
):
    """A signature brought to its state the way the site brings it there
    (campaign.petition.signatures), so the counts stay exact.

    `state` (confirmed, pending or invalidated), `flagged` and `confirmed_at`
    are applied as the site applies them; every other field is stored as given.
    The name is shown publicly unless `show_name=False`.
    """
    from campaign.models import Signature
    from campaign.petition import signatures
    from campaign.petition.rules import normalise_email

    email = email or f"{name.lower().replace(' ', '.')}@example.org"
    flag_reason = fields.pop("flag_reason", "held in a test")
    values = {"show_name": True, **fields}
    signature = Signature.objects.create(
        petition=petition,
        name=name,
        email=email,
        normalised_email=normalise_email(email),
        country=country,
        token_nonce=secrets.token_hex(32),
        **values,
    )
    rows = Signature.objects.filter(pk=signature.pk)
    if state != Signature.State.PENDING:
        signatures.confirm_signature(signature.pk)
        if confirmed_at:
            rows.update(confirmed_at=confirmed_at)
    if flagged:
        signatures.flag_signatures(rows, flag_reason)
    if state == Signature.State.INVALIDATED:
        signatures.invalidate_signatures(rows, "invalid in a test")
    signature.refresh_from_db()
    return signature


# Staff ------------------------------------------------------------------------------

PASSWORD = "a-long-staff-password"


def make_staff(username, *groups, password=PASSWORD, superuser=False):
    """A staff user in the named groups (created by setup_roles)."""
    from django.contrib.auth.models import Group, User

    from campaign.roles import setup_roles

    setup_roles()
    user = User.objects.create_user(
        username, password=password, is_staff=True, is_superuser=superuser
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user
