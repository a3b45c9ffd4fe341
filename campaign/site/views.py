from functools import partial

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views import i18n
from django.views.decorators.http import require_GET

from articles.models import Briefing
from campaign.lib import links
from campaign.lib.fragments import fragment
from campaign.lib.pages import cached_page, page_is_shared
from campaign.site.models import Organisation


def home(request):
    if page_is_shared(request):
        return cached_page(request, "pages", partial(render_home, request), key=["home"])
    return render_home(request)


def render_home(request, extra_context=None):
    # Kept for everyone like the briefing list (renewed when an editor saves one), so a
    # home page rendered for one visitor does not ask the database for them.
    featured = fragment(
        "articles",
        lambda: list(Briefing.objects.published().filter(featured=True).in_order()[:3]),
        key=["featured"],
    )
    return render(request, "pages/home.html", {"featured": featured, **(extra_context or {})})


def about(request):
    return render(request, "pages/about.html", {"organisation": Organisation.load()})


def privacy(request):
    context = {
        "organisation": Organisation.load(),
        "withdraw_days": settings.SIGNATURE_WITHDRAW_LINK_DAYS,
    }
    return render(request, "pages/privacy.html", context)


def set_language(request):
    """The language switch: Django's view, which remembers the choice in a cookie, sending
    the visitor on to the same page's address in the chosen language (/ko/... or the
    unprefixed English one)."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if response.status_code == 302 and i18n.check_for_language(language):
        response["Location"] = links.url_in(response["Location"], language)
    return response


@require_GET
def robots_txt(request):
    """What crawlers may read, and where the sitemap is (an absolute address, as
    the robots.txt standard asks)."""
    lines = [
        "User-agent: *",
        # Staff pages, and the language switch (a form that only redirects).
        "Disallow: /admin/",
        "Disallow: /i18n/",
        f"Sitemap: {links.site_url(request)}{reverse('sitemap')}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=86400)
    return response
