from django.urls import path

from articles import views

urlpatterns = [
    path("briefings/", views.briefing_list, name="briefing_list"),
    path("briefings/<slug:slug>/", views.briefing_detail, name="briefing_detail"),
    path("talking-points/", views.talking_points, name="talking_points"),
]
