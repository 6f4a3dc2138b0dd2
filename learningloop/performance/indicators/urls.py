from django.urls import path

from . import views

urlpatterns = [
    path("indicators/", views.indicator_list, name="indicator_list"),
    path("indicators/add/", views.indicator_create, name="indicator_create"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/story/", views.indicator_story, name="indicator_story"),
    path("indicators/<int:pk>/export", views.indicator_export, name="indicator_export"),
    path("indicators/<int:pk>/values.csv", views.indicator_values_export, name="indicator_values_export"),
    path("indicators/<int:pk>/scorecard", views.indicator_scorecard, name="indicator_scorecard"),
    path("evidence/add/", views.evidence_add, name="evidence_add"),
]
