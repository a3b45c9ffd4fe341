from functools import partial

from django.shortcuts import render

from articles.models import Briefing
from campaign.lib.fragments import fragment
from campaign.lib.pages import cached_page, page_is_shared


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


def privacy(request):
    return render(request, "pages/privacy.html")
