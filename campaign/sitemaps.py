"""sitemap.xml: the public pages, the published briefings and the petitions.

Addresses are written with SITE_URL's scheme and host, like share links and
robots.txt, so they do not depend on which host name a request came in on.

Languages: while every page answers in both languages at one address (the
language comes from a cookie or the browser), each page is listed once. When
the URL patterns carry a language prefix (i18n_patterns, Korean under /ko/),
each page is listed once per language with the other languages as
alternates (hreflang) and an x-default, by the sitemap framework's own i18n
support. Whether prefixes are in use is read from the URL configuration, so
this file needs no change when they arrive.
"""

from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Briefing
from campaign.petition.models import Petition


@cache
def language_prefixes_used():
    return is_language_prefix_patterns_used(settings.ROOT_URLCONF)[0]


class SiteSitemap(Sitemap):
    @property
    def i18n(self):
        return language_prefixes_used()

    @property
    def alternates(self):
        return language_prefixes_used()

    @property
    def x_default(self):
        return language_prefixes_used()

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PagesSitemap(SiteSitemap):
    """The pages that are not rows: the home page, the lists, the letter writer.
    (/petition/ shows the current petition, listed under its own address.)"""

    changefreq = "weekly"

    def items(self):
        return [
            "home", "briefing_list", "talking_points", "letters_start", "officials", "about",
            "privacy",
        ]

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "home" else 0.6


class BriefingSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Briefing.objects.published().order_by("pk")

    def lastmod(self, briefing):
        return briefing.updated_at


class PetitionSitemap(SiteSitemap):
    changefreq = "daily"
    priority = 0.9

    def items(self):
        return Petition.objects.public().order_by("pk")

    def lastmod(self, petition):
        return petition.updated_at


SITEMAPS = {"pages": PagesSitemap, "briefings": BriefingSitemap, "petitions": PetitionSitemap}
