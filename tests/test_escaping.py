"""Whatever people type (supporters in forms, editors in the admin) is shown as text, never
run as markup, on every page and in every export."""

from html.parser import HTMLParser

import pytest
from django.urls import NoReverseMatch, reverse

from articles.models import Addressee, Briefing, Citation, TalkingPoint
from campaign.petition.rules import name_problem
from tests.factories import make_petition, sign, signature_form

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
    "</textarea><script>alert(2)</script>",
    "</title><script>alert(3)</script>",
    "{{7*7}}{% now 'Y' %}",
    "=HYPERLINK(\"http://evil.example\")",
    "김정은 반대 🕊️ Ünïcödé",
]
# One string carrying every payload, for single-field forms.
ALL_PAYLOADS = " ".join(PAYLOADS)
KOREAN = "김정은 반대 🕊️ Ünïcödé"

class LiveMarkupFinder(HTMLParser):
    """Collects the elements and attributes a browser would act on."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.in_textarea = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            src = attrs.get("src") or ""
            own_file = src.startswith("/") and not src.startswith("//")
            # Data blocks (JSON, JSON-LD) are never run.
            if not (own_file or attrs.get("type") in {"application/json", "application/ld+json"}):
                self.found.append(f"<script {attrs}>")
        if tag in {"iframe", "object", "embed"} or (tag == "img" and attrs.get("src") == "x"):
            self.found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in {"href", "src", "action", "formaction"} and (value or "").strip().lower(
            ).startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")


def assert_inert(html, where=""):
    """No payload turned into an element, an event handler or a javascript: link."""
    finder = LiveMarkupFinder()
    finder.feed(html)
    finder.close()
    assert not finder.found, f"{where}: live markup {finder.found}"
    # The payloads only ever appear escaped.
    for payload in ("<script>alert", "<img src=x", "<svg onload", "</textarea><script"):
        assert payload not in html, f"{where}: {payload!r} unescaped"


def public_urls(*names, **kwargs):
    for name in names:
        try:
            yield reverse(name, **kwargs)
        except NoReverseMatch:
            continue


@pytest.fixture
def hostile_briefing(db):
    body = "\n\n".join(
        [f"## {ALL_PAYLOADS}", f"Paragraph {ALL_PAYLOADS}", f"- item {ALL_PAYLOADS}", KOREAN]
    )
    briefing = Briefing.objects.create(
        title=f"Title {PAYLOADS[0]}",
        slug="hostile",
        deck=PAYLOADS[1],
        summary=ALL_PAYLOADS,
        body=body,
        caption=PAYLOADS[4],
        source_note=PAYLOADS[5],
        publication=PAYLOADS[2],
        published_on="2024-03-01",
        source_url="https://example.org/article",
        status=Briefing.Status.PUBLISHED,
        featured=True,
    )
    point = TalkingPoint.objects.create(
        ask=f"Ask {ALL_PAYLOADS}"[:250],
        ask_ko=f"요청 {PAYLOADS[0]}",
        addressee=Addressee.CHINA,
        status=TalkingPoint.Status.APPROVED,
    )
    make_petition(title=f"Petition {PAYLOADS[1]}", statement=ALL_PAYLOADS)
    start = body.index("Paragraph")
    Citation.objects.create(
        talking_point=point, briefing=briefing, sentence=body[start : start + 40],
        start=start, end=start + 40,
    )
    return briefing


def test_editor_text_is_escaped_on_every_page_that_shows_it(client, hostile_briefing):
    make_petition(is_current=True)
    urls = ["/", reverse("briefing_list"), hostile_briefing.get_absolute_url()]
    urls += list(public_urls("talking_points", "letters_start", "petition_current"))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode(), url)
    detail = client.get(hostile_briefing.get_absolute_url()).content.decode()
    assert KOREAN in detail
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in detail
    assert "{{7*7}}" in detail


def test_the_checker_catches_live_markup():
    # Guard against a checker that passes everything.
    for payload in PAYLOADS[:2] + PAYLOADS[4:6]:
        with pytest.raises(AssertionError):
            assert_inert(f"<p>{payload}</p>")
    with pytest.raises(AssertionError):
        assert_inert('<a href="javascript:alert(1)">x</a>')
    assert_inert("<p>&lt;script&gt;alert(1)&lt;/script&gt; {{7*7}}</p>")


# Supporters' own words on the petition ----------------------------------------------

# The payloads the form takes as names (it refuses formulas and web addresses).
HOSTILE_NAMES = [p for p in PAYLOADS if "/" not in p and name_problem(p) is None]


@pytest.fixture
def hostile_signatures(db, client, on_commit):
    """Signatures whose names and comments are payloads, confirmed and approved."""
    from campaign.models import Signature
    from campaign.petition import signatures

    petition = make_petition(title=f"Petition {PAYLOADS[1]}", statement=ALL_PAYLOADS)
    for number, name in enumerate(HOSTILE_NAMES):
        response = sign(
            client, petition, on_commit,
            name=name, email=f"hostile{number}@example.org", comment=ALL_PAYLOADS,
            show_name="on",
        )
        assert response.status_code == 302, name
    for signature in Signature.objects.filter(petition=petition):
        signatures.confirm_signature(signature.pk)
    Signature.objects.filter(petition=petition).update(
        comment_state=Signature.CommentState.APPROVED
    )
    return petition


def test_signers_names_and_comments_are_escaped_everywhere_they_appear(client, hostile_signatures):
    petition = hostile_signatures
    slug = petition.slug
    page = client.get(petition.get_absolute_url()).content.decode()
    assert_inert(page, "petition page")
    # The names and comments really are on the page, as text.
    assert "&lt;svg onload=alert(1)&gt;" in page
    assert "&lt;/textarea&gt;&lt;script&gt;" in page
    assert "{{7*7}}" in page
    assert "김정은" in page
    for url in [
        f"/petitions/{slug}/thanks/", f"/petitions/{slug}/check-inbox/",
        f"/petitions/{slug}/widget/", f"/petitions/{slug}/count/", "/petition/", "/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode(), url)


def test_the_json_api_is_served_as_json_and_never_as_a_page(client, hostile_signatures):
    import json

    response = client.get(f"/petitions/{hostile_signatures.slug}.json")
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    data = json.loads(response.content)
    assert data["title"] == hostile_signatures.title


def test_a_refused_form_shows_the_typed_text_back_as_text(client, hostile_signatures):
    response = client.post(
        hostile_signatures.get_absolute_url(),
        signature_form(name=PAYLOADS[1], email="not an address", comment=ALL_PAYLOADS,
                       postal_code=PAYLOADS[2][:16], source=PAYLOADS[0]),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert_inert(html, "form with errors")
    assert "&lt;/textarea&gt;&lt;script&gt;" in html


# Letters: the sender's name and own words, and the letter text they finish with ---------


@pytest.fixture
def finished_hostile_letter(db, client):
    """Walk the letter writer with payloads in every field; return the finished page."""
    from tests.factories import make_official, make_point
    from tests.letter_forms import submit, the_letter

    official = make_official()
    make_point(f"Ask {PAYLOADS[1]}")
    page = client.get("/letters/")
    points = submit(client, page, replace={"officials": str(official.pk)})
    about = submit(client, points)
    letter = submit(client, about, replace={
        "name": PAYLOADS[1], "city": PAYLOADS[2], "country": KOREAN, "personal": ALL_PAYLOADS,
        "reply_address": PAYLOADS[3],
    })
    assert_inert(letter.content.decode(), "letter to edit")
    name, text = the_letter(letter)
    assert PAYLOADS[4] in text, "the personal paragraph is in the letter"
    finished = submit(client, letter, replace={
        name: text + "\n\n" + ALL_PAYLOADS, name.replace("-text", "-subject"): PAYLOADS[5],
        "share": "on",
    })
    assert finished.status_code == 200
    return finished


def test_the_letter_writer_shows_every_typed_word_as_text(client, finished_hostile_letter):
    html = finished_hostile_letter.content.decode()
    assert_inert(html, "finished letter")
    assert "&lt;/textarea&gt;&lt;script&gt;" in html
    assert "{{7*7}}" in html


def test_the_print_view_and_text_download_carry_the_letter_as_text(client,
                                                                    finished_hostile_letter):
    from tests.letter_forms import ready_letters

    data = ready_letters(finished_hostile_letter)[0]
    token = data.pop("token")
    assert data["subject"] == PAYLOADS[5] and ALL_PAYLOADS in data["text"]
    printed = client.post(f"/letters/{token}/print/", data)
    assert printed.status_code == 200
    assert_inert(printed.content.decode(), "print view")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in printed.content.decode()

    download = client.post(f"/letters/{token}/letter.txt", data)
    assert download["Content-Type"] == "text/plain; charset=utf-8"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    # Plain text: the words exactly as typed, nothing escaped or interpreted.
    assert PAYLOADS[0] in download.content.decode()

    pdf = client.post(f"/letters/{token}/letter.pdf", data)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_the_shared_letter_is_stored_as_typed_and_shown_escaped_in_the_admin(
    admin_client, finished_hostile_letter
):
    from campaign.models import Letter

    letter = Letter.objects.get()
    assert PAYLOADS[4] in letter.text
    response = admin_client.get(f"/admin/campaign/letter/{letter.pk}/change/")
    assert response.status_code == 200
    assert_inert(response.content.decode(), "letter in the admin")
