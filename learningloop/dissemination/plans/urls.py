"""URL patterns for the Learning Dissemination Action Plan (Appendix C) pages."""

from django.urls import path

from . import views

urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/<int:summary_pk>", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/plan.docx", views.plan_docx, name="plan_docx"),
    path("plans/<int:pk>/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("plans/messages/<int:pk>/edit", views.message_plan_edit, name="message_plan_edit"),
    path(
        "plans/audiences/<int:pk>/communications/new",
        views.communication_create,
        name="communication_create",
    ),
    path("communications/<int:pk>/edit", views.communication_edit, name="communication_edit"),
]
