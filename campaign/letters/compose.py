"""Letters to officials, written from talking points. Pure functions, no Django.

A letter should read as if one person wrote it: every part has several
phrasings (`campaign.letters.wording`), and which one a sender gets depends on a
hash of their name, city and the office.

Each talking point is one actor's ask ("Put an end to your merciless policy" is
addressed to Beijing). A letter makes it to the office that receives it in the
words `campaign.letters.reframe` finds for that office's role ("Urge the Chinese
authorities to put an end to their policy ..."), speaks to the office as "you" where
an ask names it (`campaign.letters.office_names`), and leaves out what that office
cannot act on. Sources are named once, together (`campaign.letters.citations`).
"""

from dataclasses import dataclass, field
from urllib.parse import quote

from campaign.letters import wording
from campaign.letters.citations import Source, english_date, korean_date  # noqa: F401 (callers')
from campaign.letters.office_names import address_office, office_names, supports_itself
from campaign.letters.office_roles import Path, as_role, guess_role
from campaign.letters.reframe import reframe, reframe_path

# Mail clients and browsers truncate or refuse longer mailto: links.
MAILTO_LIMIT = 1800


@dataclass(frozen=True)
class OfficialInfo:
    title: str
    name: str = ""
    organisation: str = ""
    salutation: str = ""
    language: str = "en"
    key: str = ""  # stable identity of the office (e.g. its id) for the variation hash
    role: str = ""  # an office_roles.Role value; empty: guessed from the title
    # The addressee class the office is filed under. Empty: asks are not reframed,
    # every one is taken as this office's own.
    addressee: str = ""
    # Its Korean names, by which a Korean ask may name it.
    title_ko: str = ""
    organisation_ko: str = ""

    @property
    def office_role(self):
        return as_role(self.role) if self.role else guess_role(self.title, self.organisation)

    def names(self, language):
        """What this office is called in `language` (office_names.Name), longest first."""
        english, korean = (self.title, self.organisation), (self.title_ko, self.organisation_ko)
        own, other = (korean, english) if language == "ko" else (english, korean)
        return office_names(*own, person=self.name, language=language, elsewhere=other)


@dataclass(frozen=True)
class PointInfo:
    ask: str
    ask_ko: str = ""
    source: Source | None = None
    addressee: str = ""  # who the ask is addressed to; empty: the receiving office
    demand: bool = False  # the petition's own demand


@dataclass(frozen=True)
class Sender:
    name: str
    city: str = ""
    country: str = ""
    personal: str = ""
    # Where the office can reply; printed in the letter, kept nowhere else.
    reply_email: str = ""
    reply_address: str = ""

    @property
    def address_lines(self):
        return tuple(line.strip() for line in self.reply_address.splitlines() if line.strip())


@dataclass(frozen=True)
class ComposedLetter:
    subject: str
    salutation: str
    paragraphs: tuple[str, ...]
    closing: str
    signature: tuple[str, ...]
    text: str
    # Points left out because they have no Korean version yet (Korean letters only).
    left_out: tuple[PointInfo, ...] = field(default=())
    # Points left out because they ask nothing this office can do (an ask to the public,
    # one to denounce this office's own government, or one to support the office itself).
    not_for_office: tuple[PointInfo, ...] = field(default=())
    # The requests as the letter makes them, worded for this office.
    asks: tuple[str, ...] = field(default=())
    sources_line: str = ""
    language: str = "en"

    @property
    def has_ask(self):
        return bool(self.asks)


# Asks for this office ------------------------------------------------------------


def _ask_text(point, language):
    return point.ask_ko if language == "ko" else point.ask


def ask_for(official, point, language="en", variant=0):
    """The point's ask worded for this office, in `language`; None when it has none in
    that language or asks nothing this office can do. `variant` picks among the
    phrasings an office's role has."""
    text = _ask_text(point, language)
    if not text.strip():
        return None
    if point.addressee and official.addressee:
        text = reframe(
            text, point.addressee, official.office_role, official.addressee, language, variant
        )
        if text is None:
            return None
    # The letter speaks to the office: where the ask names it, it says "you".
    text = address_office(text, official.names(language), language)
    # "Fund UNHCR", to UNHCR: for others to do.
    return None if supports_itself(text, language) else text


def is_own(official, point, language="en"):
    """Whether the ask is this office's own to act on (addressed to it, or, for an
    ambassador, to the government he represents), rather than one it is asked to press
    on someone else."""
    if not (point.addressee and official.addressee):
        return True
    route = reframe_path(
        _ask_text(point, language) or point.ask,
        point.addressee,
        official.office_role,
        official.addressee,
        language,
    )
    return route in (Path.DIRECT, Path.OWN_GOVERNMENT)


def usable_points(official, points, language=None):
    """The points that make a request in a letter to this office in this language."""
    language = language or official.language
    return [point for point in points if ask_for(official, point, language) is not None]


def compose_letter(official, points, sender, language=None):
    """Write a letter from `sender` to `official` making the requests in `points`,
    each worded for that office; points it cannot act on are left out and reported."""
    language = language or official.language
    chooser = wording.Chooser(sender.name, sender.city, official.key or official.title)
    asks, sources, left_out, not_for_office = [], [], [], []
    reframed = 0
    for point in points:
        if not _ask_text(point, language).strip():
            left_out.append(point)
            continue
        # Reframed asks take turns through the role's phrasings, whatever own asks come
        # between them.
        ask = ask_for(official, point, language, variant=chooser.digest[11] + reframed)
        if ask is None:
            not_for_office.append(point)
            continue
        if not is_own(official, point, language):
            reframed += 1
        asks.append(ask)
        sources.append(point.source)
    compose = wording.korean_parts if language == "ko" else wording.english_parts
    subject, salutation, paragraphs, closing, signature, sources_line = compose(
        official, asks, sources, sender, chooser
    )
    paragraphs = [wording.capitalise(p) for p in paragraphs]
    blocks = [salutation, *paragraphs, "\n".join([closing, *signature])]
    if sources_line:
        blocks.append(sources_line)
    return ComposedLetter(
        subject=subject,
        salutation=salutation,
        paragraphs=tuple(paragraphs),
        closing=closing,
        signature=signature,
        text="\n\n".join(blocks),
        left_out=tuple(left_out),
        not_for_office=tuple(not_for_office),
        asks=tuple(asks),
        sources_line=sources_line,
        language=language,
    )


def has_hangul(text):
    return wording.has_hangul(text)


def english_rendering(official, points, sender):
    """What a Korean letter says, in English, for a sender who does not read Korean:
    the same letter made from the English asks of the points the Korean one uses."""
    in_korean = [point for point in points if point.ask_ko.strip()]
    return compose_letter(official, in_korean, sender, language="en")


# Delivery ---------------------------------------------------------------------


def paragraphs(text):
    """The paragraphs of a finished letter (blank-line separated), whatever its line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [block.strip("\n") for block in text.split("\n\n") if block.strip()]


def crlf(text):
    """Mail wants CRLF line breaks."""
    return "\r\n".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def mailto_url(email, subject, body=""):
    """A mailto: link that opens the sender's mail client with the letter filled in.

    Percent-encoded as UTF-8, spaces as %20 (never +), line breaks as %0D%0A.
    """
    query = f"subject={quote(subject, safe='')}"
    if body:
        query += f"&body={quote(crlf(body), safe='')}"
    return f"mailto:{quote(email, safe='@')}?{query}"


def mailto_too_long(url):
    return len(url) > MAILTO_LIMIT
