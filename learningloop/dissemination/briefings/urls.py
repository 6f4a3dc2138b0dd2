"""URL patterns for the dissemination briefings pages."""

from django.urls import path

from . import views

urlpatterns = [
    path("briefings/", views.briefing_list, name="briefing_list"),
    path("briefings/new/", views.briefing_create, name="briefing_create"),
    path("briefings/<int:pk>/", views.briefing_detail, name="briefing_detail"),
    path("briefings/<int:pk>/edit/", views.briefing_edit, name="briefing_edit"),
    path("briefings/<int:pk>/ready/", views.briefing_ready, name="briefing_ready"),
    path("briefings/<int:pk>/unready/", views.briefing_unready, name="briefing_unready"),
    path("briefings/<int:pk>/pdf/", views.briefing_pdf, name="briefing_pdf"),
]
