from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from campaign.moderation import urls as moderation_urls
from campaign.petition import views as petition_views
from campaign.site import health
from campaign.site import views as site_views
from campaign.sitemaps import SITEMAPS

# One address for every language: the admin and staff pages (in the editor's language,
# from the cookie or the browser), the health check and the language switch.
urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("i18n/setlang/", site_views.set_language, name="set_language"),
    # For crawlers: one of each for the site; the sitemap lists both languages' pages.
    path("robots.txt", site_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Before the admin's own URLs: moderation's staff pages live under /admin/.
    path("", include(moderation_urls.staff_urlpatterns)),
    path("admin/", admin.site.urls),
]

# Everything a visitor reads has an address per language: English as it always was, Korean
# under /ko/. The counters, data, widget and QR code too, since they carry the petition's
# title or address in the page's language.
urlpatterns += i18n_patterns(
    path("", include("campaign.site.urls")),
    path("petition/", petition_views.petition_current, name="petition_current"),
    path("petitions/", include("campaign.petition.urls")),
    path("", include("campaign.letters.urls")),
    path("", include("articles.urls")),
    path("", include("campaign.moderation.urls")),
    prefix_default_language=False,
)

handler400 = "campaign.site.errors.bad_request"
handler500 = "campaign.site.errors.server_error"
