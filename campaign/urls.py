from django.contrib import admin
from django.urls import include, path

from campaign.views import pages

urlpatterns = [
    path("", pages.home, name="home"),
    path("privacy/", pages.privacy, name="privacy"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("articles.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "campaign.views.errors.bad_request"
handler500 = "campaign.views.errors.server_error"
