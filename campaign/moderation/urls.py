"""Moderation's pages: the public unsubscribe link, and staff pages mounted
under /admin/ before the admin's own URLs (each wrapped in admin_view)."""

from django.contrib import admin
from django.urls import path

from campaign.moderation import views

# The link in every update mail: an address per language (campaign/urls.py).
urlpatterns = [
    path("updates/unsubscribe/<str:token>/", views.unsubscribe, name="updates_unsubscribe"),
]

# Staff pages: one address for every language.
staff_urlpatterns = [
    path("admin/dashboard/", admin.site.admin_view(views.dashboard), name="admin_dashboard"),
    path(
        "admin/petitions/<int:pk>/signatures.csv",
        admin.site.admin_view(views.export_csv),
        name="admin_export_csv",
    ),
    path(
        "admin/petitions/<int:pk>/delivery.pdf",
        admin.site.admin_view(views.export_pdf),
        name="admin_export_pdf",
    ),
]
