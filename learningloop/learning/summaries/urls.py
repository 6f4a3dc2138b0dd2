"""URL patterns for the Summary of Learning pages (Appendix B)."""

from django.urls import path

from . import views

urlpatterns = [
    path("summaries/", views.summary_list, name="summary_list"),
    path("summaries/new", views.summary_create, name="summary_create"),
    path("summaries/<int:pk>/", views.summary_detail, name="summary_detail"),
    path("summaries/<int:pk>/edit", views.summary_edit, name="summary_edit"),
    path("summaries/<int:pk>/messages/new", views.key_message_create, name="key_message_create"),
    path("summaries/messages/<int:pk>/edit", views.key_message_edit, name="key_message_edit"),
    path("summaries/messages/<int:pk>/delete", views.key_message_delete, name="key_message_delete"),
    path("summaries/<int:pk>/submit", views.summary_submit, name="summary_submit"),
    path("summaries/<int:pk>/accept", views.summary_accept, name="summary_accept"),
    path("summaries/<int:pk>/return", views.summary_return, name="summary_return"),
    path("summaries/<int:pk>/summary-of-learning.docx", views.summary_docx, name="summary_docx"),
    path("summaries/<int:pk>/summary-of-learning.pdf", views.summary_pdf, name="summary_pdf"),
]
