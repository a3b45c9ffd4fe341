from django.contrib import admin
from django.urls import include, path

from campaign.views import pages, staff, updates
from campaign.views import petition as petition_views

urlpatterns = [
    path("", pages.home, name="home"),
    path("privacy/", pages.privacy, name="privacy"),
    path("petition/", petition_views.petition_current, name="petition_current"),
    path("petitions/", include("campaign.petition_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("articles.urls")),
    path("updates/unsubscribe/<str:token>/", updates.unsubscribe, name="updates_unsubscribe"),
    # Staff pages outside any one model's admin; before the admin's own URLs.
    path("admin/dashboard/", admin.site.admin_view(staff.dashboard), name="admin_dashboard"),
    path(
        "admin/petitions/<int:pk>/signatures.csv",
        admin.site.admin_view(staff.export_csv),
        name="admin_export_csv",
    ),
    path(
        "admin/petitions/<int:pk>/delivery.pdf",
        admin.site.admin_view(staff.export_pdf),
        name="admin_export_pdf",
    ),
    path("admin/", admin.site.urls),
]
