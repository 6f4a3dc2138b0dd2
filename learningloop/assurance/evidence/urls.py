from django.urls import path

from . import views as v

urlpatterns = [
    path("evidence/audits/new", v.audit_evidence_add, name="audit_evidence_add"),
    path("evidence/surveys/new", v.survey_evidence_add, name="survey_evidence_add"),
    path("evidence/<int:pk>/remove", v.assurance_evidence_remove, name="assurance_evidence_remove"),
]
