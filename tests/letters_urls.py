"""The site's URLs plus a stand-in for the letters page, for pages that link to it."""

from django.http import HttpResponse
from django.urls import path

from campaign.urls import urlpatterns as site_urlpatterns


def letters_start(request):
    return HttpResponse("Letters")


urlpatterns = [path("letters/", letters_start, name="letters_start"), *site_urlpatterns]
