from django.urls import path

from . import views

urlpatterns = [
    path("agencies/", views.contribution_list, name="contribution_list"),
    path("agencies/<int:pk>/", views.contribution_detail, name="contribution_detail"),
]
