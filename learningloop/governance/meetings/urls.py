"""URL patterns for meetings."""

from django.urls import path

from . import views

urlpatterns = [
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/schedule/", views.meeting_schedule, name="meeting_schedule"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/attendance-report/", views.attendance_report, name="attendance_report"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/publish/", views.meeting_publish, name="meeting_publish"),
    path("meetings/<int:pk>/agenda/new/", views.agenda_item_create, name="agenda_item_create"),
    path("meetings/agenda/<int:pk>/edit/", views.agenda_item_edit, name="agenda_item_edit"),
    path("meetings/agenda/<int:pk>/paper/", views.paper_upload, name="paper_upload"),
    path("meetings/papers/<int:pk>/", views.paper_download, name="paper_download"),
    path("meetings/<int:pk>/attendance/", views.meeting_attendance, name="meeting_attendance"),
    path("meetings/<int:pk>/minutes/", views.meeting_minutes, name="meeting_minutes"),
    path("meetings/<int:pk>/decisions/new/", views.decision_create, name="decision_create"),
    path("meetings/<int:pk>/decisions/ratify/", views.decisions_ratify, name="decisions_ratify"),
    path("meetings/<int:pk>/actions/new/", views.meeting_action_create, name="meeting_action_create"),
]
