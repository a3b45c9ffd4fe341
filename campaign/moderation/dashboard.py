"""The numbers on the admin dashboard. Queries only; charts come from campaign.lib.charts."""

from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _
from django_countries import countries

from articles.models import Briefing, TalkingPoint
from campaign.letters.models import Official
from campaign.petition.models import Signature


def daily_signatures(petition):
    """[(date, signatures that day, running total)] of counted signatures by
    confirmation day, with the quiet days in between filled in with zero."""
    rows = (
        petition.signatures.counted()
        .annotate(day=TruncDate("confirmed_at"))
        .values("day")
        .annotate(count=Count("id"))
        .order_by("day")
    )
    per_day = {row["day"]: row["count"] for row in rows if row["day"] is not None}
    if not per_day:
        return []
    series, total = [], 0
    day, last = min(per_day), max(per_day)
    while day <= last:
        total += per_day.get(day, 0)
        series.append((day, per_day.get(day, 0), total))
        day += timedelta(days=1)
    return series


def by_country(petition):
    """[(country code, country name, counted signatures)], largest first."""
    names = dict(countries)
    rows = (
        petition.signatures.counted()
        .values("country")
        .annotate(count=Count("id"))
        .order_by("-count", "country")
    )
    return [
        (row["country"], names.get(row["country"], row["country"]), row["count"]) for row in rows
    ]


def confirmation(petition):
    """Confirmed signatures against all signatures given (any state)."""
    all_signatures = petition.signatures.count()
    confirmed = petition.signatures.filter(state=Signature.State.CONFIRMED).count()
    rate = confirmed / all_signatures if all_signatures else 0.0
    return {"all": all_signatures, "confirmed": confirmed, "rate": rate}


def top_briefings(petition, limit=10):
    """[(briefing or None, source slug, counted signatures)] of the briefings signers came from."""
    rows = list(
        petition.signatures.counted()
        .exclude(source="")
        .values("source")
        .annotate(count=Count("id"))
        .order_by("-count", "source")[:limit]
    )
    briefings = Briefing.objects.in_bulk([row["source"] for row in rows], field_name="slug")
    return [(briefings.get(row["source"]), row["source"], row["count"]) for row in rows]


def by_share_link(petition):
    """[(ref, where the link was posted, counted signatures)], most first: signers
    who came by a share link (?ref=), and those who did not (ref "")."""
    labels = dict(Signature.Ref.choices)
    rows = (
        petition.signatures.counted()
        .values("ref")
        .annotate(count=Count("id"))
        .order_by("-count", "ref")
    )
    return [
        (row["ref"], labels.get(row["ref"], _("No share link")), row["count"]) for row in rows
    ]


def _letters_to(model, limit):
    """[(object, letters)] for the objects letters point to, most letters first."""
    rows = (
        model.objects.annotate(letter_count=Count("letters"))
        .filter(letter_count__gt=0)
        .order_by("-letter_count")[:limit]
    )
    return [(row, row.letter_count) for row in rows]


def letters_by_official(limit=20):
    """[(official, letters)], most written-to first."""
    return _letters_to(Official, limit)


def letters_by_talking_point(limit=20):
    """[(talking point, letters)], most used first."""
    return _letters_to(TalkingPoint, limit)
