from django.contrib import admin
from django.urls import include, path

from campaign.views import pages
from campaign.views import petition as petition_views

urlpatterns = [
    path("", pages.home, name="home"),
    path("privacy/", pages.privacy, name="privacy"),
    path("petition/", petition_views.petition_current, name="petition_current"),
    path("petitions/", include("campaign.petition_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("articles.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "campaign.views.errors.bad_request"
handler500 = "campaign.views.errors.server_error"
