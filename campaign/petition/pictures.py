"""The petition's pictures, drawn once and kept for everyone: the share card a
chat or social site shows beside a link, and the world map of signatures on
the petition page.

Drawing costs far more than serving: a card takes 50–150 ms, the map's first
drawing in a process over a second (reading its shapes). So neither is drawn
for each visitor:

- A card is kept in the cache per petition and language with the words and
  count it shows. While those are current it is served as it is. When the
  count has moved, the stale card is still served, and a task (django-tasks,
  run by the worker beside the mail) draws a new one, at most once a minute
  per card. Only the very first request for a card draws it; requests that
  arrive while it does get the campaign's plain card from the static files.
- The map is part of the petition page's block kept for everyone (the
  "petitions" fragment, and the whole page with it: campaign.lib.pages), so it
  is drawn when that is rebuilt, not per view; its shapes are read when a
  server process starts (`warm_up`, called from campaign.wsgi).
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import npgettext, pgettext
from django_countries import countries
from django_tasks import task

from campaign.lib.fragments import digest
from campaign.petition import cards, country_shapes, worldmap
from campaign.petition.models import Petition
from campaign.petition.rules import next_milestone

logger = logging.getLogger(__name__)

CARD_REDRAW_SECONDS = 60
# A card is kept long after it is fresh: a stale card is served while a new one is drawn.
CARD_KEEP_SECONDS = 30 * 86400
# How long a first drawing may take before another request may try.
CARD_DRAWING_SECONDS = 30
# The campaign's plain card (no count), for requests that come while the first is drawn.
FALLBACK_CARD = "img/share-card.png"


def thousands(value):
    return f"{value:,}"


def card_words(petition):
    """What a petition's card shows, in the active language: draw_share_card's values."""
    count = petition.signature_count
    return {
        "title": petition.title,
        "count": count,
        "goal": next_milestone(count, petition.goal),
        "campaign": settings.SITE_NAME,
        "count_text": thousands(count),
        "count_label": npgettext("after the count on a share card", "signature", "signatures",
                                 count),
        "goal_label": petition.goal_words,
    }


def _card_key(petition_id, language):
    return f"share-card:{petition_id}:{language}"


def _fingerprint(words):
    return digest([repr(sorted(words.items()))])


def _draw_and_keep(key, words):
    png = cards.draw_share_card(**words, font_files=cards.find_font_files())
    card = {"words": _fingerprint(words), "png": png}
    cache.set(key, card, CARD_KEEP_SECONDS)
    return card


def share_card(petition, language):
    """The kept card of `petition` in `language`: {"words": digest, "png": bytes},
    or None while another request draws the first one (serve FALLBACK_CARD)."""
    with translation.override(language):
        words = card_words(petition)
    key = _card_key(petition.pk, language)
    card = cache.get(key)
    if card is None:
        if not cache.add(f"{key}:drawing", 1, CARD_DRAWING_SECONDS):
            return None
        card = _draw_and_keep(key, words)
        cache.add(f"{key}:redrawn", 1, CARD_REDRAW_SECONDS)
        cache.delete(f"{key}:drawing")
        return card
    if card["words"] != _fingerprint(words) and cache.add(
        f"{key}:redrawn", 1, CARD_REDRAW_SECONDS
    ):
        try:
            redraw_share_card.enqueue(petition.pk, language)
        except Exception:  # a queue that cannot take it must not fail the request
            logger.warning("Could not queue a redraw of %s", key, exc_info=True)
            cache.delete(f"{key}:redrawn")  # a later request tries again
    return card


def fallback_card_url():
    return static(FALLBACK_CARD)


@task()
def redraw_share_card(petition_id, language):
    """Draw a petition's card afresh from the database and keep it."""
    petition = Petition.objects.filter(pk=petition_id).first()
    if petition is None or language not in dict(settings.LANGUAGES):
        return
    with translation.override(language):
        _draw_and_keep(_card_key(petition_id, language), card_words(petition))


def world_map(tallies):
    """The inline SVG map of counted signatures per country, in the active
    language, with its legend as text under it. `tallies` are CountryTally rows."""
    counts = {tally.country.code: tally.count for tally in tallies if tally.count > 0}
    labels = worldmap.Labels(
        no_signatures=_("No signatures"),
        country=_("%(name)s: %(count)s"),
        range=_("%(low)s–%(high)s"),
        single=pgettext("a class of one count on the map's legend", "%(low)s"),
        at_least=_("%(low)s or more"),
    )
    # worldmap escapes every name and label itself.
    svg = mark_safe(
        worldmap.world_map_svg(
            counts,
            title=_("Map of signatures by country"),
            description=_(
                "Countries are shaded darker the more people there have signed; grey means "
                "none yet. The table below gives the exact numbers."
            ),
            names=dict(countries),
            labels=labels,
            number=thousands,
            map_id="signatures-map",
            legend=False,
            # A few hundred fewer elements in the page (the table names every country).
            merge_empty=True,
        )
    )
    # The legend as text, which stays readable however small the map is drawn;
    # its swatches are tiny pictures, as the page may carry no inline style.
    swatches = format_html_join(
        "",
        '<li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">'
        '<rect width="16" height="16" fill="{}" stroke="#1b1f24" stroke-width="1"/></svg> {}</li>',
        worldmap.legend_entries(counts, labels=labels, number=thousands),
    )
    return format_html('{}<ul class="world-map-legend">{}</ul>', svg, swatches)


def warm_up():
    """Read the map's shapes now (about a second), not in a visitor's request:
    for the start of a server process."""
    country_shapes.shapes()
