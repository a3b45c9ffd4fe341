from django.urls import path

from campaign.site import views

# The health check and the language switch have one address for every language:
# campaign/urls.py.
urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
]
