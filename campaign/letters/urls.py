from django.urls import path

from campaign.letters import views

urlpatterns = [
    path("letters/", views.letters_start, name="letters_start"),
    path("letters/<str:token>/letter.txt", views.letter_txt, name="letter_txt"),
    path("letters/<str:token>/letter.pdf", views.letter_pdf_download, name="letter_pdf"),
    path("letters/<str:token>/print/", views.letter_print, name="letter_print"),
    path("officials/", views.officials, name="officials"),
]
