from django.urls import path

from . import views

app_name = "yearly"
urlpatterns = [
    path("", views.yearly_list, name="list"),
    path("new/", views.yearly_create, name="create"),
    path("<int:pk>/", views.yearly_detail, name="detail"),
    path("<int:pk>/edit/", views.yearly_edit, name="edit"),
    path("<int:pk>/sign-off/", views.yearly_sign_off, name="sign_off"),
    path("<int:pk>/withdraw-sign-off/", views.yearly_withdraw, name="withdraw"),
    path("<int:pk>/report.pdf", views.yearly_pdf, name="pdf"),
    path("<int:pk>/report.docx", views.yearly_docx, name="docx"),
]
