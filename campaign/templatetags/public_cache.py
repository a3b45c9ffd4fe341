"""
Parts of pages rendered once and kept, for pages rendered for one visitor too
(a visitor with a session, an editor, an htmx request), which the page cache
does not serve.

`{% publiccache "name" key... %}...{% endpubliccache %}`: keep the rendered
block for everyone, per language, for PUBLIC_CACHE_SECONDS or until
`campaign.lib.fragments.bump("name")`. The key holds whatever else the block
shows (a petition's pk, its count, the site's address). Querysets used only
inside the block are not evaluated on a hit. The block is built as a shared
page is (`campaign.lib.pages`): the CSRF token and every `per_visitor` value (a
signing form's time-stamp) are stand-ins, and each visitor's copy gets their
own. Nothing else personal may show in it: no user, no message, no form a
visitor filled in. A view sets `fresh_public_parts` in the context to have
every block rendered anew for one visitor (someone who has just withdrawn their
name, staff previewing a draft).

`{% layoutcache key... %}...{% endlayoutcache %}`: keep the rendered block in
this process for its life, per language and key: for the parts of the layout
made only of code, settings and translations (links to the site's pages, the
language switch, the footer), which change only with a deploy.
"""

import logging

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.template.loader_tags import BlockNode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from campaign.lib import fragments, pages

logger = logging.getLogger(__name__)
register = template.Library()

MAX_LAYOUT_PARTS = 2000
_layout_parts = {}


def forget_layout_parts(**kwargs):
    """Drop the layout parts this process keeps (tests; a changed setting)."""
    _layout_parts.clear()


setting_changed.connect(forget_layout_parts, dispatch_uid="campaign.public_cache.layout")


class KeptPartNode(template.Node):
    # `{% extends %}` looks for blocks through the whole layout on every page: a kept
    # part holds none (`_parse` refuses them), so it need not look inside.
    child_nodelists = ()

    def __init__(self, nodelist, name, key, where):
        self.nodelist = nodelist
        self.name = name  # None: kept in this process (layoutcache)
        self.key = key
        # Its template and its place there tell it from the other kept parts.
        self.where = where

    def build(self, context):
        # Per-visitor values as stand-ins, so that the kept copy holds no one's own.
        with pages.building_shared_part(), context.push(csrf_token=pages.hole("csrf")):
            return self.nodelist.render(context)

    def render(self, context):
        if context.get("fresh_public_parts") or settings.PUBLIC_CACHE_SECONDS <= 0:
            return self.nodelist.render(context)
        key = [part.resolve(context) for part in self.key]
        if self.name is None:
            if settings.DEBUG:
                # Templates edited while `make run` runs show at once.
                return self.nodelist.render(context)
            html = self.layout_part(context, key)
        else:
            name = self.name.resolve(context)
            html = fragments.fragment(name, lambda: self.build(context), key=[*self.where, *key])
        if pages.building_shared():
            # Inside a part or a page being kept: its stand-ins are filled with it.
            return html
        # The page's own token, where it has one already: masking another costs as much.
        request = context.get("request")
        known = {"csrf": context.get("csrf_token")}
        filled, values = pages.fill_holes(html, request, known)
        if filled is None:
            logger.error("Unfilled hole in a kept part of %s", self.where[0])
            return self.nodelist.render(context)
        if request is not None:
            # So that the page is compressed with this part's text compressed once
            # (campaign.middleware.TextCompressionMiddleware).
            request.__dict__.setdefault("kept_parts", []).append((html, values, filled))
        return mark_safe(filled)

    def layout_part(self, context, key):
        try:
            cache_key = (self.where, get_language(), *key)
            html = _layout_parts.get(cache_key)
        except TypeError:  # a key part that cannot be a key: never kept
            return self.build(context)
        if html is None:
            html = self.build(context)
            if len(_layout_parts) >= MAX_LAYOUT_PARTS:
                _layout_parts.clear()
            _layout_parts[cache_key] = html
        return html


def _parse(parser, token, end):
    bits = token.split_contents()
    # The n-th kept part of its template (counted as the template is compiled).
    parser.kept_parts = getattr(parser, "kept_parts", 0) + 1
    where = (parser.origin.template_name, parser.kept_parts)
    nodelist = parser.parse((end,))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        raise template.TemplateSyntaxError(
            f"{{% {bits[0]} %}} keeps what it holds as it was rendered: no {{% block %}} inside"
        )
    return bits, nodelist, where


@register.tag
def publiccache(parser, token):
    bits, nodelist, where = _parse(parser, token, "endpubliccache")
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            "{% publiccache %} needs a name: {% publiccache \"petition\" petition.pk %}"
        )
    name, key = parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    return KeptPartNode(nodelist, name, key, where)


@register.tag
def layoutcache(parser, token):
    bits, nodelist, where = _parse(parser, token, "endlayoutcache")
    return KeptPartNode(nodelist, None, [parser.compile_filter(bit) for bit in bits[1:]], where)
