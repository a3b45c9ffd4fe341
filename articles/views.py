from django.shortcuts import get_object_or_404, render

from articles.models import Briefing
from articles.talking_points import approved_points_by_addressee


def briefing_list(request):
    briefings = Briefing.objects.published().in_order()
    return render(request, "articles/briefing_list.html", {"briefings": briefings})


def briefing_detail(request, slug):
    briefing = get_object_or_404(Briefing.objects.published(), slug=slug)
    return render(request, "articles/briefing_detail.html", {"briefing": briefing})


def talking_points(request):
    """The approved talking points, grouped by whom they ask to act."""
    groups = approved_points_by_addressee()
    return render(request, "articles/talking_points.html", {"groups": groups})
