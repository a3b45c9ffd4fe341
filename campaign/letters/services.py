"""Letters to officials: the points to offer each office, composing drafts, recording
finished letters once, and the links that download them."""

import base64
import hashlib
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Prefetch

from articles.models import Citation, TalkingPoint
from campaign.letters import compose
from campaign.letters.models import Letter, letter_counts_by_point
from campaign.lib.clients import client_ip, hash_ip, hit

TOKEN_SALT = "campaign.letters.download"


def approved_points():
    citations = Citation.objects.select_related("briefing").order_by(
        "briefing__published_on", "id"
    )
    return TalkingPoint.objects.approved().prefetch_related(Prefetch("citations", citations))


def approved_point(value):
    try:
        return TalkingPoint.objects.approved().get(pk=int(value))
    except (TypeError, ValueError, TalkingPoint.DoesNotExist):
        return None


def petition_demand():
    """The current petition's demand (an approved talking point), or None.

    The petition names it (`Petition.demand`); letters follow that relation back
    from the talking point rather than importing the petition, which they sit beside.
    """
    return approved_points().filter(demanding_petitions__is_current=True).first()


# Plain values for composition -----------------------------------------------------


def in_language(obj, name, language):
    """A content field in `language`: its Korean version (`title_ko`, filled by editors
    where translations are kept) or the English one. Korean falls back to English;
    English never takes the Korean, whatever language the page is shown in."""
    if language == "ko":
        korean = getattr(obj, f"{name}_ko", None)
        if korean:
            return korean
    return getattr(obj, f"{name}_en", None) or getattr(obj, name)


def official_info(official):
    # The English names, whatever the page's language: composition recognises the office
    # by its English title (campaign.letters.compose); the Korean ones only for finding
    # where a Korean ask names the office.
    return compose.OfficialInfo(
        title=in_language(official, "title", "en"),
        name=in_language(official, "name", "en") or "",
        organisation=in_language(official, "organisation", "en") or "",
        salutation=official.salutation,
        language=official.language,
        key=str(official.pk),
        role=official.role,
        addressee=official.category,
        title_ko=getattr(official, "title_ko", None) or "",
        organisation_ko=getattr(official, "organisation_ko", None) or "",
    )


def source_of(briefing):
    """A briefing as a letter cites it, with its Korean title when it has one."""
    return compose.Source(
        title=in_language(briefing, "title", "en"),
        publication=briefing.publication,
        published_on=briefing.published_on,
        title_ko=getattr(briefing, "title_ko", None) or "",
        publication_ko=getattr(briefing, "publication_ko", None) or "",
    )


def point_info(point, demand=None):
    citations = [c for c in point.citations.all() if c.briefing.is_published]
    return compose.PointInfo(
        ask=point.ask_en or "",
        ask_ko=point.korean_ask,
        source=source_of(citations[0].briefing) if citations else None,
        addressee=point.addressee,
        demand=demand is not None and point.pk == demand.pk,
    )


def _in_order(points, demand):
    """The petition's demand first, then the editors' order."""
    return sorted(points, key=lambda point: demand is None or point.pk != demand.pk)


def _sender(about):
    return compose.Sender(
        name=about["name"],
        city=about.get("city", ""),
        country=about.get("country", ""),
        personal=about.get("personal", ""),
        reply_email=about.get("reply_email", ""),
        reply_address=about.get("reply_address", ""),
    )


def compose_for(official, points, about):
    """The draft letter to `official`, and for a Korean one its English rendering."""
    demand = petition_demand()
    # Fetch the points again with their sources in two queries, in the editors' order.
    fetched = approved_points().filter(pk__in=[point.pk for point in points])
    infos = [point_info(point, demand) for point in _in_order(fetched, demand)]
    info, sender = official_info(official), _sender(about)
    letter = compose.compose_letter(info, infos, sender, official.language)
    rendering = compose.english_rendering(info, infos, sender) if official.is_korean else None
    return letter, rendering


def offices_without_ask(officials, points):
    """The offices whose letter `points` would leave with no request they can act on."""
    demand = petition_demand()
    infos = [point_info(point, demand) for point in approved_points().filter(
        pk__in=[point.pk for point in points])]  # fmt: skip
    return [
        official
        for official in officials
        if not compose.usable_points(official_info(official), infos, official.language)
    ]


def cannot_be_asked(officials):
    """The offices no approved point reaches at all (a new site, or none in Korean yet):
    their letters carry the sender's own words instead."""
    return offices_without_ask(officials, list(approved_points()))


# Offering points -------------------------------------------------------------------


@dataclass
class Wording:
    """A point as the letter to one office would make it."""

    official: object
    shown: str | None  # in the language of the page, None when not in this letter
    shown_language: str = "en"
    in_letter: str | None = None  # in the letter's language, when that is another
    own: bool = False
    no_korean: bool = False
    reworded: bool = False  # not the point's own words: worded for this office


@dataclass
class Offer:
    point: TalkingPoint
    info: compose.PointInfo
    wordings: list[Wording] = field(default_factory=list)
    letter_count: int = 0

    @property
    def own(self):
        return any(wording.own for wording in self.wordings)

    @property
    def demand(self):
        return self.info.demand


def _wording(official, info, page_language):
    office = official_info(official)
    language = page_language if page_language == "ko" and info.ask_ko.strip() else "en"
    shown = compose.ask_for(office, info, language)
    in_letter = None
    if official.language != language:
        in_letter = compose.ask_for(office, info, official.language)
    original = info.ask_ko if language == "ko" else info.ask
    return Wording(
        official=official,
        shown=shown,
        shown_language=language,
        in_letter=in_letter,
        own=shown is not None and compose.is_own(office, info),
        no_korean=official.is_korean and not info.ask_ko.strip(),
        reworded=shown is not None and _plain(shown) != _plain(original),
    )


def _plain(ask):
    return " ".join(ask.split()).rstrip(".!;:, ")


def points_to_offer(officials, page_language="en"):
    """The approved points for the chosen offices as (their own, others reworded for
    them), the petition's demand first: each point with its wording for every office,
    leaving out points no chosen office can act on."""
    demand = petition_demand()
    counts = letter_counts_by_point()
    offers = []
    for point in _in_order(approved_points(), demand):
        info = point_info(point, demand)
        wordings = [_wording(official, info, page_language) for official in officials]
        if all(wording.shown is None for wording in wordings):
            continue
        offers.append(Offer(point, info, wordings, counts.get(point.pk, 0)))
    own = [offer for offer in offers if offer.own or offer.demand]
    return own, [offer for offer in offers if offer not in own]


def suggested_points(officials, chosen_point=None):
    """The points ticked when the points step first shows: the petition's demand, the
    offices' own points, the one the supporter came from, and for an office still left
    without a request the first point worded for it. With several offices only the
    points that are every one's own are ticked: the ticks apply to every letter, and one
    office's long list of its own points, reworded for the others, would bury theirs."""
    own, others = points_to_offer(officials)
    picked = [
        offer.point
        for offer in own
        if offer.demand or all(w.own and not w.no_korean for w in offer.wordings)
    ]
    if chosen_point is not None and chosen_point not in picked:
        picked.append(chosen_point)
    for official in offices_without_ask(officials, picked):
        index = officials.index(official)
        for offer in own + others:
            wording = offer.wordings[index]
            if wording.shown is not None and not wording.no_korean:
                picked.append(offer.point)
                break
    return picked


# Finished letters ------------------------------------------------------------------


def letter_key(key, official):
    """The once-only key of one office's letter among those finished together."""
    return hashlib.sha256(f"{key}:{official.pk}".encode()).hexdigest()


def over_rate_limit(cleaned, request):
    """Whether this network has finished too many letters lately. Letters already
    recorded (their last step posted again) never count against the limit."""
    keys = [letter_key(cleaned["key"], official) for official, _s, _t in cleaned["letters"]]
    new = len(keys) - Letter.objects.filter(key__in=keys).count()
    if not new:
        return False
    limit, window = settings.LETTER_RATE_LIMIT
    ip_hash = hash_ip(client_ip(request))
    key = f"rl:letters:{ip_hash}:{int(time.time() // window)}"
    counted = [hit(key, window) for _ in range(new)]
    return counted[-1] > limit


def _points_used(official, points):
    """The chosen points that made a request in the letter to this office."""
    demand = petition_demand()
    office = official_info(official)
    return [
        point
        for point in points
        if compose.ask_for(office, point_info(point, demand), official.language) is not None
    ]


def record_letters(cleaned):
    """Record each finished letter once, however often the last step is posted."""
    points = list(approved_points().filter(pk__in=[p.pk for p in cleaned.get("points", [])]))
    letters = []
    for official, _subject, text in cleaned["letters"]:
        defaults = {"official": official, "language": official.language,
                    "country": cleaned["country"]}  # fmt: skip
        if cleaned["share"]:
            defaults.update(shared=True, text=text, sender_name=cleaned["name"],
                            city=cleaned["city"])  # fmt: skip
        key = letter_key(cleaned["key"], official)
        try:
            with transaction.atomic():
                letter, created = Letter.objects.get_or_create(key=key, defaults=defaults)
                if created:
                    letter.talking_points.set(_points_used(official, points))
        except IntegrityError:
            # Two posts of the same letter at once: the other one recorded it.
            letter = Letter.objects.get(key=key)
        letters.append(letter)
    return letters


# Downloads ---------------------------------------------------------------------------


def _digest(subject, text, sender):
    """A short fingerprint of what a download lays out, line ends and spacing aside."""
    parts = [" ".join(part.split()) for part in (subject, text, sender)]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()[:16]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def letter_token(letter, subject, text, sender=""):
    """The download link's token: the letter's id and a fingerprint of its finished
    text, signed and dated, so it downloads that letter only, and only for a while."""
    return signing.dumps({"id": letter.pk, "d": _digest(subject, text, sender)}, salt=TOKEN_SALT)


def letter_for_download(token, subject, text, sender=""):
    """The letter a download token names, if the token is genuine, recent and was made
    for this very text; None otherwise."""
    try:
        value = signing.loads(token, salt=TOKEN_SALT, max_age=settings.LETTER_LINK_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("id"), int):
        return None
    if value.get("d") != _digest(subject, text, sender):
        return None
    return Letter.objects.select_related("official").filter(pk=value["id"]).first()


def downloads_over_limit(request):
    """Whether this network has asked for too many downloads lately (each is laid out
    afresh, a PDF costs real work)."""
    limit, window = settings.LETTER_DOWNLOAD_RATE_LIMIT
    ip_hash = hash_ip(client_ip(request))
    return hit(f"rl:letter-downloads:{ip_hash}:{int(time.time() // window)}", window) > limit


def sender_block(about):
    """The lines of the sender's block (name, reply address or town, email)."""
    place = ", ".join(part for part in (about.get("city", ""), about.get("country", "")) if part)
    address = [line for line in about.get("reply_address", "").splitlines() if line.strip()]
    lines = [about["name"], *(address or [place]), about.get("reply_email", "")]
    return "\n".join(line.strip() for line in lines if line and line.strip())


def recipient_lines(official, language):
    """The office's address block, in the letter's language where there is a version
    in it: a Korean letter names the office in Korean, addressed with 귀하."""
    title = in_language(official, "title", language)
    organisation = in_language(official, "organisation", language)
    name = in_language(official, "name", language)
    if language == "ko" and compose.has_hangul(title):
        named = " ".join(part for part in (title, name) if part)
        blocks = [organisation, f"{named} 귀하", official.postal_address]
    else:
        blocks = [name, title, organisation, official.postal_address]
    lines = [line.strip() for block in blocks if block for line in block.splitlines()]
    return [line for line in lines if line]


def delivery(letter, subject, text, sender):
    """The ways to send one finished letter to its office."""
    official = letter.official
    mailto = mailto_without_body = ""
    if official.email:
        mailto = compose.mailto_url(official.email, subject, text)
        if compose.mailto_too_long(mailto):
            # Too long for some mail programs: open a message with the address and the
            # subject only, and the sender pastes the copied letter.
            mailto, mailto_without_body = "", compose.mailto_url(official.email, subject)
    return {
        "letter": letter,
        "official": official,
        "subject": subject,
        "text": text,
        "sender": sender,
        "token": letter_token(letter, subject, text, sender),
        "mailto": mailto,
        "mailto_without_body": mailto_without_body,
    }


def filename(letter, extension):
    return f"letter-{letter.created_at:%Y-%m-%d}-{letter.pk}.{extension}"
