"""URL patterns for the self-assessment pages. (The authorisation walk visits them in this order: a
return's answers and buttons before it is reopened.)"""

from django.urls import path

from . import views as v

urlpatterns = [
    path("self-assessment/", v.cycle_list, name="cycle_list"),
    path("self-assessment/new", v.cycle_create, name="cycle_create"),
    path("self-assessment/<int:pk>/", v.cycle_detail, name="cycle_detail"),
    path("standards/", v.standard_set_list, name="standard_set_list"),
    path("standards/sets/<int:pk>/new", v.standard_create, name="standard_create"),
    path("standards/<int:pk>/edit", v.standard_edit, name="standard_edit"),
    path("returns/<int:pk>/", v.return_detail, name="return_detail"),
    path("answers/<int:pk>/edit", v.answer_edit, name="answer_edit"),
    path("returns/<int:pk>/start-from-last-cycle", v.return_start, name="return_start"),
    path("returns/<int:pk>/evidence/new", v.evidence_upload, name="return_evidence_upload"),
    path("returns/<int:pk>/moderation", v.moderation_create, name="moderation_create"),
    path("returns/<int:pk>/submit", v.return_submit, name="return_submit"),
    path("returns/<int:pk>/reopen", v.return_reopen, name="return_reopen"),
    path("return-evidence/<int:pk>/", v.evidence_download, name="return_evidence_download"),
]
