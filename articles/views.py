from functools import partial

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe

from articles.models import Briefing
from articles.rendering import render_body
from articles.talking_points import approved_points_by_addressee, call_highlights
from campaign.lib.fragments import fragment, rows_by_slug
from campaign.lib.pages import cached_page, page_is_shared


def briefing_list(request):
    briefings = fragment(
        "articles", lambda: list(Briefing.objects.published().in_order()), key=["list"]
    )
    return render(request, "articles/briefing_list.html", {"briefings": briefings})


def briefing_detail(request, slug):
    """A published briefing; staff may also preview drafts, which are never cached."""
    # The published briefings by slug, kept for PUBLIC_CACHE_SECONDS or until an
    # editor saves one (the page needs no fresher copy than its own cache).
    published = rows_by_slug("articles", Briefing.objects.published, ["published"])
    briefing = published.get(slug) or get_object_or_404(Briefing, slug=slug)
    if not briefing.is_published:
        if not (request.user.is_staff and request.user.has_perm("articles.view_briefing")):
            raise Http404("No briefing matches the given query.")
        response = render_briefing(request, briefing, preview=True)
        add_never_cache_headers(response)
        return response
    if page_is_shared(request):
        build = partial(render_briefing, request, briefing)
        return cached_page(request, "pages", build, key=["briefing", briefing.pk])
    return render_briefing(request, briefing)


def render_briefing(request, briefing, extra_context=None, *, preview=False):
    # The same for every reader: kept until an editor saves (campaign.lib.fragments).
    body_html, has_calls = fragment("articles", lambda: rendered_body(briefing), key=[briefing.pk])
    context = {
        "briefing": briefing,
        "body_html": mark_safe(body_html),
        "has_calls": has_calls,
        "preview": preview,
        # A draft is shown to staff as it is now, and nothing of it is kept.
        "fresh_public_parts": preview,
        **(extra_context or {}),
    }
    return render(request, "articles/briefing_detail.html", context)


def rendered_body(briefing):
    highlights = call_highlights(briefing)
    # render_body escapes every piece of text itself.
    return render_body(briefing.body, highlights), bool(highlights)


def talking_points(request):
    """The approved talking points, grouped by whom they ask to act."""
    groups = fragment("articles", approved_points_by_addressee, key=["talking-points"])
    return render(request, "articles/talking_points.html", {"groups": groups})
