from django.urls import path

from campaign.petition import views

urlpatterns = [
    path("<slug:slug>.json", views.petition_json, name="petition_json"),
    path("<slug:slug>/", views.petition_detail, name="petition_detail"),
    path("<slug:slug>/count/", views.petition_count, name="petition_count"),
    path("<slug:slug>/widget/", views.petition_widget, name="petition_widget"),
    path("<slug:slug>/qr.svg", views.petition_qr, name="petition_qr"),
    path("<slug:slug>/card/<str:language>.png", views.petition_card, name="petition_card"),
    path("<slug:slug>/check-inbox/", views.petition_check_inbox, name="petition_check_inbox"),
    path("<slug:slug>/resend/", views.signature_resend, name="signature_resend"),
    path("<slug:slug>/thanks/", views.signature_thanks, name="signature_thanks"),
    path("<slug:slug>/confirm/<str:token>/", views.signature_confirm, name="signature_confirm"),
    path("<slug:slug>/withdraw/<str:token>/", views.signature_withdraw, name="signature_withdraw"),
]
