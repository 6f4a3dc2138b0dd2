"""URL patterns for the multi-agency audit pages."""

from django.urls import path

from . import views as v

urlpatterns = [
    path("audits/", v.audit_list, name="audit_list"),
    path("audits/new", v.audit_create, name="audit_create"),
    path("audits/<int:pk>/", v.audit_detail, name="audit_detail"),
    path("audits/<int:pk>/timetable/new", v.milestone_create, name="audit_milestone_create"),
    path("audits/<int:pk>/cases/new", v.case_create, name="audit_case_create"),
    path("audits/<int:pk>/findings/new", v.audit_finding_create, name="audit_finding_create"),
    path("audit-cases/<int:pk>/restricted", v.case_details, name="audit_case_details"),
    path("audit-cases/<int:pk>/grade/<int:agency_pk>", v.case_grade, name="audit_case_grade"),
    path("audit-cases/<int:pk>/moderate", v.case_moderate, name="audit_case_moderate"),
]
