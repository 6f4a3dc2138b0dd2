"""URL patterns for the policies and procedures register."""

from django.urls import path

from . import views

urlpatterns = [
    path("policies/", views.policy_list, name="policy_list"),
    path("policies/new/", views.policy_create, name="policy_create"),
    path("policies/<int:pk>/", views.policy_detail, name="policy_detail"),
    path("policies/<int:pk>/edit/", views.policy_edit, name="policy_edit"),
    path("policies/<int:pk>/changes/new/", views.policy_change_create, name="policy_change_create"),
]
