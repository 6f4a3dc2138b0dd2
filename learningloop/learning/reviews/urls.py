"""URL patterns for the case review pages."""

from django.urls import path

from learningloop.core.views_deadlines import deadline_export, deadline_list

from . import views

urlpatterns = [
    path("reviews/", views.review_list, name="review_list"),
    path("reviews/new", views.review_create, name="review_create"),
    path("reviews/conversions/", views.review_conversions, name="review_conversions"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("reviews/<int:pk>/edit", views.review_edit, name="review_edit"),
    path("reviews/<int:pk>/monitoring/new", views.monitoring_entry_create, name="monitoring_entry_create"),
    path("reviews/<int:pk>/restricted/", views.child_details, name="child_details"),
    # The one deadlines page over every kind (core.views_deadlines); its address and name are kept.
    path("deadlines/", deadline_list, name="statutory_deadlines"),
    path("deadlines/export.csv", deadline_export, name="statutory_deadlines_export"),
    path("deadlines/rules/", views.deadline_rules, name="deadline_rules"),
    path("deadlines/rules/<int:pk>/edit", views.deadline_rule_edit_view, name="deadline_rule_edit"),
]
