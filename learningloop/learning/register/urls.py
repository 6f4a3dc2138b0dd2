"""URL patterns for the learning register pages."""

from django.urls import path

from . import views as v

urlpatterns = [
    path("activities/", v.activity_list, name="activity_list"),
    path("activities/export.csv", v.activity_export_csv, name="activity_export_csv"),
    path("activities/export.xlsx", v.activity_export_xlsx, name="activity_export_xlsx"),
    path("activities/new", v.activity_create, name="activity_create"),
    path("activities/<int:pk>/", v.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit", v.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/documents/new", v.document_upload, name="document_upload"),
    path("documents/<int:pk>/", v.document_download, name="document_download"),
    path("documents/<int:pk>/delete", v.document_delete, name="document_delete"),
    path("activities/<int:pk>/findings/new", v.finding_create, name="finding_create"),
    path("findings/<int:pk>/", v.finding_detail, name="finding_detail"),
    path("findings/<int:pk>/edit", v.finding_edit, name="finding_edit"),
    path("findings/<int:pk>/delete", v.finding_delete, name="finding_delete"),
    path("themes/", v.theme_list, name="theme_list"),
    path("themes/new", v.theme_create, name="theme_create"),
    path("themes/<int:pk>/edit", v.theme_edit, name="theme_edit"),
    path("themes/recurrence/", v.themes_recurrence, name="themes_recurrence"),
    path("priorities/", v.priority_list, name="priority_list"),
    path("priorities/new", v.priority_create, name="priority_create"),
    path("priorities/<int:pk>/edit", v.priority_edit, name="priority_edit"),
]
