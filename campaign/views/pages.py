from django.shortcuts import render

from articles.models import Briefing


def home(request):
    featured = Briefing.objects.published().filter(featured=True).in_order()[:3]
    return render(request, "pages/home.html", {"featured": featured})


def privacy(request):
    return render(request, "pages/privacy.html")
