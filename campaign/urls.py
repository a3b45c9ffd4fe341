from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from campaign.petition import views as petition_views
from campaign.sitemaps import SITEMAPS

urlpatterns = [
    path("", include("campaign.site.urls")),
    path("petition/", petition_views.petition_current, name="petition_current"),
    path("petitions/", include("campaign.petition.urls")),
    path("", include("campaign.letters.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("articles.urls")),
    # Before the admin's own URLs: moderation's staff pages live under /admin/.
    path("", include("campaign.moderation.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "campaign.site.errors.bad_request"
handler500 = "campaign.site.errors.server_error"
