from functools import partial

from django.conf import settings
from django.shortcuts import render

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
    context = {"withdraw_days": settings.SIGNATURE_WITHDRAW_LINK_DAYS}
    return render(request, "pages/privacy.html", context)
