"""Turning briefings' calls to action into cited talking points.

``refresh_talking_points(briefing)`` runs after a briefing is imported or saved
by an editor. It never undoes an editor's work: it does not change a status,
an ask or an addressee, does not delete a point an editor has decided on,
edited or added, and does not suggest again a sentence already cited (a
rejected suggestion keeps its citation, so it stays rejected).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max, Prefetch
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from articles.asks import clean_ask, locate_sentence, mask_markup, same_call
from articles.extraction.learned import DISPUTED, MOVED, OFFERED
from articles.models import Addressee, Briefing, Citation, TalkingPoint, group_by_addressee

logger = logging.getLogger(__name__)

# The editorials are in English; the labels added to them follow the visitor's language.
BODY_LANGUAGE = "en"

# Offsets far beyond any body, used while citations trade places (see _move_citations).
_PARKING_OFFSET = 2_000_000_000


@dataclass
class RefreshResult:
    created_points: list[int] = field(default_factory=list)
    merged_citations: int = 0
    new_citations: int = 0
    moved_citations: int = 0
    removed_citations: int = 0
    deleted_points: int = 0

    def __str__(self):
        return (
            f"{len(self.created_points)} new talking points, {self.new_citations} new citations "
            f"({self.merged_citations} joined an existing point), {self.moved_citations} moved, "
            f"{self.removed_citations} removed, {self.deleted_points} points deleted"
        )


def _default_extract(text):
    from articles.extraction import extract_calls

    return extract_calls(text)


def refresh_talking_points(briefing, extract=None) -> RefreshResult:
    """Bring the briefing's citations and talking points in line with its body.

    ``extract`` is the call-to-action extractor (``text -> [Call]``); tests pass
    a small fake. The extractor sees the body with its heading and list markers
    blanked out, so the offsets it returns are offsets into ``briefing.body``.
    """
    extract = extract or _default_extract
    result = RefreshResult()
    body = briefing.body
    with transaction.atomic():
        kept = _follow_existing_citations(briefing, body, result)
        calls = _unique_calls(extract(mask_markup(body)))
        points = list(TalkingPoint.objects.prefetch_related("citations"))
        next_position = (TalkingPoint.objects.aggregate(top=Max("position"))["top"] or 0) + 1
        for call in calls:
            start, end = call.start, call.end
            if not 0 <= start < end <= len(body):
                continue
            if any(start < c.end and c.start < end for c in kept):
                continue  # already cited, or overlaps a sentence that is
            point = _matching_point(points, call)
            if point is None:
                # The English column by name: in an editor's Korean admin `ask=` would
                # fill the Korean one.
                point = TalkingPoint.objects.create(
                    ask_en=clean_ask(call.ask),
                    addressee=_addressee(call.addressee),
                    score=round(call.score, 3),
                    position=next_position,
                )
                next_position += 1
                points.append(point)
                result.created_points.append(point.pk)
            else:
                result.merged_citations += 1
                if call.score > point.score:
                    point.score = round(call.score, 3)
                    point.save(update_fields=["score", "updated_at"])
            citation = Citation.objects.create(
                talking_point=point,
                briefing=briefing,
                sentence=body[start:end],
                start=start,
                end=end,
                extracted_addressee=_addressee(call.addressee),
                extractor_reading=_reading(getattr(call, "doubts", ())),
            )
            kept.append(citation)
            result.new_citations += 1
    return result


def _reading(doubts) -> str:
    """How the extractor came to a call (see Citation.Reading), from its doubts."""
    for doubt, reading in (
        (OFFERED, Citation.Reading.LEARNED),
        (MOVED, Citation.Reading.MOVED),
        (DISPUTED, Citation.Reading.DISPUTED),
    ):
        if doubt in doubts:
            return reading
    return Citation.Reading.RULES


def refresh_talking_points_or_log(briefing) -> RefreshResult | None:
    """Refresh, but never let a fault in the extraction stop a briefing from being saved.

    The refresh runs in a savepoint, so a failure leaves the talking points as
    they were; the next import or save tries again. Returns None on failure.
    """
    try:
        return refresh_talking_points(briefing)
    except Exception:
        logger.exception("Talking points of briefing %s could not be refreshed", briefing.pk)
        return None


def _follow_existing_citations(briefing, body, result):
    """Move citations to where their sentence now is; drop those whose sentence is gone."""
    kept, moves, orphans = [], [], set()
    for citation in Citation.objects.filter(briefing=briefing).select_related("talking_point"):
        found = locate_sentence(body, citation.sentence, near=citation.start)
        # Two citations must not claim the same place (a duplicated sentence that
        # was then deleted once): the second one goes.
        if found is None or any(found == (c.start, c.end) for c in kept):
            orphans.add(citation.talking_point)
            citation.delete()
            result.removed_citations += 1
            continue
        if found != (citation.start, citation.end):
            moves.append((citation, found))
        citation.start, citation.end = found
        citation.sentence = body[found[0] : found[1]]
        kept.append(citation)
    _move_citations(moves)
    result.moved_citations = len(moves)
    for point in orphans:
        if point.left_to_the_extractor and not point.citations.exists():
            point.delete()
            result.deleted_points += 1
    return kept


def _move_citations(moves):
    """Save new offsets without tripping the unique (briefing, start, end) constraint.

    When text is inserted, a citation may move to where another one was a
    moment ago; parking every moved citation first makes the order irrelevant.
    """
    for number, (citation, _found) in enumerate(moves):
        Citation.objects.filter(pk=citation.pk).update(
            start=_PARKING_OFFSET + number, end=_PARKING_OFFSET + number
        )
    for citation, _found in moves:
        citation.save(update_fields=["start", "end", "sentence"])


def _unique_calls(calls):
    """One call per sentence text: a repeated paragraph is cited once."""
    seen, unique = set(), []
    for call in sorted(calls, key=lambda c: c.start):
        key = " ".join(call.sentence.split())
        if key in seen or call.end <= call.start:
            continue
        seen.add(key)
        unique.append(call)
    return unique


def _addressee(value):
    return value if value in Addressee.values else Addressee.OTHER


def _matching_point(points, call):
    """The existing talking point that makes the same call, if any.

    An edited ask may no longer resemble the extractor's wording, and a point
    an editor added has a whole sentence for its ask until someone rewrites
    it, so for those the cited sentences are compared as well.
    """
    best = None
    for point in points:
        texts = [point.ask_en or ""]
        if point.ask_edited or point.added_by_editor:
            texts += [citation.sentence for citation in point.citations.all()]
        addressee = _addressee(call.addressee)
        if any(same_call(point.addressee, text, addressee, call.ask) for text in texts):
            # Prefer a point an editor has already approved, then the oldest.
            rank = (point.status != TalkingPoint.Status.APPROVED, point.pk)
            if best is None or rank < best[0]:
                best = (rank, point)
    return best[1] if best else None


class CannotMerge(ValueError):
    """Talking points that cannot become one; the message says why in plain words."""


def merge_talking_points(points):
    """Make several talking points one: the first approved (else the first) keeps its ask.

    For the same call the extractor worded too differently to recognise. The
    other points' citations move to the kept one and the others are deleted;
    later refreshes keep the citations where the editor put them.
    """
    points = sorted(
        points, key=lambda p: (p.status != TalkingPoint.Status.APPROVED, p.position, p.pk)
    )
    if len(points) < 2:
        raise CannotMerge(_("Select at least two talking points to merge."))
    if len({point.addressee for point in points}) > 1:
        raise CannotMerge(_("Only talking points addressed to the same actor can be merged."))
    kept, others = points[0], points[1:]
    with transaction.atomic():
        # Saved one by one, not update(): saving is what tells the page caches.
        for citation in Citation.objects.filter(talking_point__in=others):
            citation.talking_point = kept
            citation.save(update_fields=["talking_point"])
        kept.score = max(point.score for point in points)
        kept.save(update_fields=["score", "updated_at"])
        TalkingPoint.objects.filter(pk__in=[point.pk for point in others]).delete()
    return kept


def approved_points_by_addressee():
    """Approved talking points grouped by addressee, China first: [(label, [point])].

    Each point's ``public_citations`` holds its citations in published briefings.
    Three queries whatever the number of points.
    """
    citations = Citation.objects.filter(briefing__status=Briefing.Status.PUBLISHED)
    points = TalkingPoint.objects.approved().prefetch_related(
        Prefetch(
            "citations",
            queryset=citations.select_related("briefing").order_by("briefing__title", "start"),
            to_attr="public_citations",
        )
    )
    return group_by_addressee(points, lambda point: point.addressee)


def call_highlights(briefing):
    """The approved calls to action of a briefing as ``render_body`` highlights.

    Each is marked with an id (``cta-<citation id>``, the anchor the talking
    points page links to), a label screen readers announce, and a link to
    write a letter with that point. One query.
    """
    letters_url = reverse("letters_start")
    citations = Citation.objects.filter(
        briefing=briefing, talking_point__status=TalkingPoint.Status.APPROVED
    ).order_by("start")
    language = get_language() or BODY_LANGUAGE
    highlights = []
    for citation in citations:
        attributes = {"id": f"cta-{citation.pk}", "class": "cta", "label": _("Call to action:")}
        if language != BODY_LANGUAGE:
            attributes["ui_lang"] = language
        query = urlencode({"point": citation.talking_point_id})
        attributes["after"] = (f"{letters_url}?{query}", _("Use this in a letter"))
        highlights.append((citation.start, citation.end, attributes))
    return highlights
