"""URL patterns for learning events."""

from django.urls import path

from . import views

urlpatterns = [
    path("events/", views.event_list, name="event_list"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/attendance/", views.event_attendance, name="event_attendance"),
    path("events/<int:pk>/attendance/import/", views.event_import, name="event_import"),
    path("events/<int:pk>/attendance/template/", views.event_import_template, name="event_import_template"),
]
