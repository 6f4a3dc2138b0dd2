from django.urls import path

from . import views as v

app_name = "improvement"
urlpatterns = [
    path("", v.action_list, name="action_list"),
    path("overdue/", v.overdue_actions, name="overdue_actions"),
    path("due-soon/", v.due_soon_actions, name="due_soon_actions"),
    path("mine/", v.my_actions, name="my_actions"),
    path("bulk-update/", v.action_bulk_update, name="action_bulk_update"),
    path("export.xlsx", v.action_export, name="action_export"),
    path("export.csv", v.action_export_csv, name="action_export_csv"),
    path("plans/", v.plan_list, name="plan_list"),
    path("plans/new", v.plan_create, name="plan_create"),
    path("plans/<int:pk>/", v.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/actions/new", v.action_create, name="action_create"),
    path("<int:pk>/", v.action_detail, name="action_detail"),
    path("<int:pk>/edit", v.action_edit, name="action_edit"),
    path("<int:pk>/update", v.action_update, name="action_update"),
    path("<int:pk>/evidence/new", v.evidence_upload, name="evidence_upload"),
    path("evidence/<int:pk>/", v.evidence_download, name="evidence_download"),
    path("<int:pk>/sustainment", v.sustainment_check, name="sustainment_check"),
]
