from django.urls import path

from . import views

urlpatterns = [
    path("review/", views.review_page, name="review"),
    path("review/<int:year>.docx", views.review_docx, name="review_docx"),
    path("review/<int:year>.pdf", views.review_pdf, name="review_pdf"),
]
