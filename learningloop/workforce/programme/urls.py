from django.urls import path

from . import views

urlpatterns = [
    path("", views.course_list, name="course_list"),
    path("courses/new", views.course_create, name="course_create"),
    path("courses/<int:pk>/", views.course_detail, name="course_detail"),
    path("courses/<int:pk>/edit", views.course_edit, name="course_edit"),
    path("courses/<int:pk>/sessions/new", views.session_create, name="session_create"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/cancel", views.session_cancel, name="session_cancel"),
    path("sessions/<int:pk>/attendance", views.session_attendance, name="session_attendance"),
    path("pool/", views.trainer_list, name="trainer_list"),
    path("pool/new", views.trainer_create, name="trainer_create"),
    path("pool/<int:pk>/edit", views.trainer_edit, name="trainer_edit"),
    path("domains/", views.domain_list, name="domain_list"),
    path("settings/", views.settings_edit, name="settings_edit"),
]
