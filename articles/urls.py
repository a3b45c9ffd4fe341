from django.urls import path

from articles import views

urlpatterns = [
    path("briefings/", views.briefing_list, name="briefing_list"),
    path("briefings/<slug:slug>/", views.briefing_detail, name="briefing_detail"),
]
