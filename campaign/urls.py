from django.contrib import admin
from django.urls import include, path

from campaign.views import health, pages

urlpatterns = [
    path("", pages.home, name="home"),
    path("privacy/", pages.privacy, name="privacy"),
    path("healthz", health.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("articles.urls")),
    path("admin/", admin.site.urls),
]
