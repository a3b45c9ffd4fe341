"""What link previews and search engines read from a page's head.

- `{{ LANGUAGE_CODE|og_locale }}`: the page's language as Open Graph writes it.
- `{% share_card_meta petition %}`: og:image (the petition's share card in the
  page's language) with its size, type and description, and twitter:card;
  without a petition, the current one's card.
- `{% organization_json_ld %}` and `{% article_json_ld briefing %}`: schema.org
  data as JSON-LD. A JSON-LD script is data, never run, so the
  Content-Security-Policy (scripts from this site only) does not stop it.
"""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from campaign.petition.cards import HEIGHT, WIDTH
from campaign.petition.models import Petition
from campaign.petition.views import shared_current_petition

register = template.Library()

OG_LOCALES = {"en": "en_US", "ko": "ko_KR"}
# Inside <script>, "</script>" or "<!--" in a value would end or change it.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def og_locale(language_code):
    """"ko" → "ko_KR": Open Graph names a language with its territory."""
    code = (language_code or "").lower()
    return OG_LOCALES.get(code.split("-")[0], code.replace("-", "_"))


def _site_url(context):
    # The context processor's address: the request's own in development (campaign.lib.links).
    return context.get("SITE_URL") or settings.SITE_URL


@register.simple_tag(takes_context=True)
def share_card_meta(context, petition=None):
    if not isinstance(petition, Petition):
        petition = shared_current_petition()
    if petition is None:
        return mark_safe('<meta name="twitter:card" content="summary">')
    language = get_language() or settings.LANGUAGE_CODE
    url = _site_url(context) + reverse(
        "petition_card", kwargs={"slug": petition.slug, "language": language}
    )
    alt = _(
        "%(site)s: the petition “%(title)s”, with how many people have signed it and its next goal"
    ) % {"site": settings.SITE_NAME, "title": petition.title}
    return format_html(
        '<meta property="og:image" content="{url}">\n'
        '  <meta property="og:image:type" content="image/png">\n'
        '  <meta property="og:image:width" content="{width}">\n'
        '  <meta property="og:image:height" content="{height}">\n'
        '  <meta property="og:image:alt" content="{alt}">\n'
        '  <meta name="twitter:card" content="summary_large_image">',
        url=url,
        width=WIDTH,
        height=HEIGHT,
        alt=alt,
    )


def json_ld(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def organization(site_url):
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": site_url + "/",
        "logo": site_url + "/apple-touch-icon.png",
    }


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    """The campaign as an Organization, for the home page."""
    return json_ld(
        {
            "@context": "https://schema.org",
            **organization(_site_url(context)),
            "description": _("Stop China's forced repatriation of North Korean defectors."),
        }
    )


@register.simple_tag(takes_context=True)
def article_json_ld(context, briefing):
    """A briefing as an Article: the editorial it presents is credited to its publication."""
    site_url = _site_url(context)
    url = site_url + briefing.get_absolute_url()
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": briefing.title[:110],
        "description": briefing.description,
        # The editorials are in English, whatever the page around them.
        "inLanguage": "en",
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": briefing.published_on or briefing.created_at,
        "dateModified": briefing.updated_at,
        "publisher": organization(site_url),
        "author": (
            {"@type": "Organization", "name": briefing.publication}
            if briefing.publication
            else organization(site_url)
        ),
    }
    if briefing.source_url:
        data["isBasedOn"] = briefing.source_url
    return json_ld(data)
