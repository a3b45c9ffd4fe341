"""Calls to action the extractor missed, added by editors from a briefing's sentences.

No extractor finds every call. On a briefing's admin page editors see the
sentences no talking point cites yet and turn one into a talking point by
choosing who is asked to act. The sentences come from the same splitter the
extractor uses (``articles.sentences``), so the citation's offsets are exact
and later refreshes follow it like any other. The new point is marked as an
editor's: it counts as a miss in the extractor's record and re-extraction
never removes it.
"""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from articles.asks import clean_ask, mask_markup
from articles.models import Addressee, Briefing, Citation, TalkingPoint
from articles.sentences import split_sentences


class CannotAdd(ValueError):
    """A sentence that cannot become a talking point; the message says why in plain words."""


NO_ADDRESSEE = _("Choose who is asked to act.")
TEXT_CHANGED = _("The briefing's text has changed since the page was shown. Choose again.")
ALREADY_CITED = _("A talking point already cites this sentence.")


def _sentences(body):
    # Heading and list markers blanked out, as the extractor sees the body, so a
    # heading's sentence does not start with "## "; offsets are the body's.
    return [(s.start, s.end) for s in split_sentences(mask_markup(body))]


def uncited_sentences(briefing):
    """The sentences of the briefing's body that no citation covers: [(start, end, text)]."""
    cited = list(briefing.citations.values_list("start", "end"))
    body = briefing.body
    return [
        (start, end, body[start:end])
        for start, end in _sentences(body)
        if not any(start < c_end and c_start < end for c_start, c_end in cited)
    ]


def add_missed_call(briefing_id, start, end, sentence, addressee):
    """Make the sentence at ``start:end`` a suggested talking point addressed to ``addressee``.

    ``sentence`` is the text the editor saw: if the body has changed since, the
    offsets may point elsewhere, so nothing is added. The ask starts as the
    sentence itself; editors rewrite it on the point's page before approving
    it. Returns the new point; raises CannotAdd.
    """
    if addressee not in Addressee.values:
        raise CannotAdd(NO_ADDRESSEE)
    with transaction.atomic():
        # One editor at a time per briefing, so two clicks cannot cite overlapping text.
        briefing = Briefing.objects.select_for_update().get(pk=briefing_id)
        body = briefing.body
        if (start, end) not in _sentences(body) or body[start:end].split() != sentence.split():
            raise CannotAdd(TEXT_CHANGED)
        if briefing.citations.filter(start__lt=end, end__gt=start).exists():
            raise CannotAdd(ALREADY_CITED)
        top = TalkingPoint.objects.aggregate(top=Max("position"))["top"] or 0
        point = TalkingPoint.objects.create(
            ask=clean_ask(body[start:end]),
            addressee=addressee,
            added_by_editor=True,
            position=top + 1,
        )
        Citation.objects.create(
            talking_point=point,
            briefing=briefing,
            sentence=body[start:end],
            start=start,
            end=end,
            added_by_editor=True,
        )
    return point
