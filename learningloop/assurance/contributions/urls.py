"""URL patterns for agencies' own learning."""

from django.urls import path

from . import views as v

urlpatterns = [
    path("agency-learning/", v.contribution_list, name="contribution_list"),
    path("agency-learning/new", v.contribution_create, name="contribution_create"),
    path("agency-learning/<int:pk>/", v.contribution_detail, name="contribution_detail"),
    path("agency-learning/<int:pk>/edit", v.contribution_edit, name="contribution_edit"),
    path("agency-learning/<int:pk>/submit", v.contribution_submit, name="contribution_submit"),
    path("agency-learning/<int:pk>/decision", v.contribution_review, name="contribution_review"),
]
