"""Letters to officials: the points to offer, composing a draft, and recording
finished letters once."""

import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Prefetch

from articles.models import Citation, TalkingPoint
from campaign.letters import compose
from campaign.letters.models import Letter, letter_counts_by_point
from campaign.lib.clients import client_ip, hash_ip, hit
from campaign.lib.tokens import row_for_signed_id, signed_id

TOKEN_SALT = "campaign.letters.record"


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


# Plain values for composition -----------------------------------------------------


def official_info(official):
    # The English names, whatever the page's language: composition recognises the office
    # by its English title (campaign.letters.compose).
    return compose.OfficialInfo(
        title=official.title_en or "",
        name=official.name_en or "",
        organisation=official.organisation_en or "",
        salutation=official.salutation,
        language=official.language,
        key=str(official.pk),
    )


def point_info(point):
    citations = [c for c in point.citations.all() if c.briefing.is_published]
    source = None
    if citations:
        briefing = citations[0].briefing
        source = compose.Source(
            title=briefing.title_en or "",
            publication=briefing.publication,
            published_on=briefing.published_on,
        )
    return compose.PointInfo(ask=point.ask_en or "", ask_ko=point.korean_ask, source=source)


def compose_for(official, points, about):
    # Fetch the points again with their sources in two queries, in the editors' order.
    points = approved_points().filter(pk__in=[point.pk for point in points])
    sender = compose.Sender(
        name=about["name"],
        city=about.get("city", ""),
        country=about.get("country", ""),
        personal=about.get("personal", ""),
    )
    return compose.compose_letter(
        official_info(official), [point_info(p) for p in points], sender, official.language
    )


def has_usable_points(official, points):
    infos = [compose.PointInfo(ask=p.ask_en or "", ask_ko=p.korean_ask) for p in points]
    return bool(compose.usable_points(infos, official.language))


def suggested_points(official, chosen_point=None):
    """The approved points addressed to the office's category (in its language), plus the
    point the supporter came from."""
    picked = []
    for point in TalkingPoint.objects.approved().filter(addressee=official.category):
        if official.is_korean and not point.korean_ask:
            continue
        picked.append(point)
    if chosen_point is not None and chosen_point not in picked:
        picked.append(chosen_point)
    return picked


def points_to_choose(official):
    """The approved points for the points step, as (matching the office, others).

    Each carries how many letters used it, its plain values for composition,
    and whether it lacks the Korean ask a letter in Korean needs.
    """
    points = list(approved_points())
    counts = letter_counts_by_point()
    for point in points:
        point.letter_count = counts.get(point.pk, 0)
        point.info = point_info(point)
        point.no_korean = official.is_korean and not point.korean_ask
    matching = [p for p in points if p.addressee == official.category]
    others = [p for p in points if p.addressee != official.category]
    return matching, others


# Finished letters ------------------------------------------------------------------


def over_rate_limit(cleaned, request):
    """Whether this network has finished too many letters lately. A letter already
    recorded (its last step posted again) never counts against the limit."""
    if Letter.objects.filter(key=cleaned["key"]).exists():
        return False
    limit, window = settings.LETTER_RATE_LIMIT
    ip_hash = hash_ip(client_ip(request))
    return hit(f"rl:letters:{ip_hash}:{int(time.time() // window)}", window) > limit


def record_letter(cleaned):
    """Record a finished letter once, however often its last step is posted."""
    official = cleaned["official"]
    defaults = {"official": official, "language": official.language, "country": cleaned["country"]}
    if cleaned["share"]:
        defaults.update(
            shared=True, text=cleaned["text"], sender_name=cleaned["name"], city=cleaned["city"]
        )
    try:
        with transaction.atomic():
            letter, created = Letter.objects.get_or_create(key=cleaned["key"], defaults=defaults)
            if created:
                letter.talking_points.set(cleaned.get("points", []))
    except IntegrityError:
        # Two posts of the same letter at once: the other one recorded it.
        letter = Letter.objects.get(key=cleaned["key"])
    return letter


def letter_token(letter):
    return signed_id(letter, TOKEN_SALT)


def letter_from_token(token):
    return row_for_signed_id(Letter.objects.select_related("official"), token, TOKEN_SALT)


def delivery(letter, subject, text):
    """The ways to send a finished letter to its office."""
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
        "token": letter_token(letter),
        "mailto": mailto,
        "mailto_without_body": mailto_without_body,
    }


def filename(letter, extension):
    return f"letter-{letter.created_at:%Y-%m-%d}-{letter.pk}.{extension}"
