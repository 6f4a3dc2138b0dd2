"""URL patterns for the work plan, risks and barriers, and highlight reports."""

from django.urls import path

from . import views

urlpatterns = [
    path("work-plan/", views.workplan, name="workplan"),
    path("work-plan/new/", views.workplan_item_create, name="workplan_item_create"),
    path("work-plan/<int:pk>/edit/", views.workplan_item_edit, name="workplan_item_edit"),
    path("risks/", views.risk_list, name="risk_list"),
    path("risks/new/", views.risk_create, name="risk_create"),
    path("risks/<int:pk>/edit/", views.risk_edit, name="risk_edit"),
    path("highlight-reports/", views.highlight_list, name="highlight_list"),
    path("highlight-reports/new/", views.highlight_create, name="highlight_create"),
    path("highlight-reports/<int:pk>/", views.highlight_detail, name="highlight_detail"),
    path("highlight-reports/<int:pk>/edit/", views.highlight_edit, name="highlight_edit"),
    path("highlight-reports/<int:pk>/issue/", views.highlight_issue, name="highlight_issue"),
    path("highlight-reports/<int:pk>/docx/", views.highlight_docx, name="highlight_docx"),
    path("highlight-reports/<int:pk>/pdf/", views.highlight_pdf, name="highlight_pdf"),
]
