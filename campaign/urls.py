from django.contrib import admin
from django.urls import include, path

from campaign.views import health, letters, pages, staff, updates
from campaign.views import petition as petition_views

urlpatterns = [
    path("", pages.home, name="home"),
    path("privacy/", pages.privacy, name="privacy"),
    path("healthz", health.healthz, name="healthz"),
    path("petition/", petition_views.petition_current, name="petition_current"),
    path("petitions/", include("campaign.petition_urls")),
    path("letters/", letters.letters_start, name="letters_start"),
    path("letters/<str:token>/letter.txt", letters.letter_txt, name="letter_txt"),
    path("letters/<str:token>/letter.pdf", letters.letter_pdf_download, name="letter_pdf"),
    path("letters/<str:token>/print/", letters.letter_print, name="letter_print"),
    path("officials/", letters.officials, name="officials"),
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

handler400 = "campaign.views.errors.bad_request"
handler500 = "campaign.views.errors.server_error"
