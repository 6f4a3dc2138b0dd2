"""URL patterns for the dissemination requests pages: formal requests to agencies (seed 3.5)."""

from django.urls import path

from . import views

urlpatterns = [
    path("requests/", views.request_list, name="request_list"),
    path("requests/new", views.request_create, name="request_create"),
    path("requests/new-information", views.information_request_create, name="information_request_create"),
    path("requests/outstanding/", views.outstanding_responses, name="outstanding_responses"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("responses/<int:pk>/", views.response_detail, name="response_detail"),
    path("responses/<int:pk>/edit", views.response_edit, name="response_edit"),
    path("responses/<int:pk>/evidence/new", views.evidence_upload, name="evidence_upload"),
    path("responses/<int:pk>/review", views.response_review, name="response_review"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
]
