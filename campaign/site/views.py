from functools import partial

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from articles.models import Briefing
from campaign.lib.pages import cached_page, page_is_shared


def home(request):
    if page_is_shared(request):
        return cached_page(request, "pages", partial(render_home, request), key=["home"])
    return render_home(request)


def render_home(request, extra_context=None):
    featured = Briefing.objects.published().filter(featured=True).in_order()[:3]
    return render(request, "pages/home.html", {"featured": featured, **(extra_context or {})})


def privacy(request):
    return render(request, "pages/privacy.html")


@require_GET
def robots_txt(request):
    """What crawlers may read, and where the sitemap is (an absolute address, as
    the robots.txt standard asks)."""
    lines = [
        "User-agent: *",
        # Staff pages, and the language switch (a form that only redirects).
        "Disallow: /admin/",
        "Disallow: /i18n/",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=86400)
    return response
