from django.urls import path

from . import views

urlpatterns = [
    path("indicators/<int:pk>/submit/", views.submission_create, name="submission_create"),
    path("values/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("values/<int:pk>/correct/", views.submission_correct, name="submission_correct"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/template", views.import_template, name="import_template"),
    path("import/<int:pk>/", views.import_run, name="import_run"),
    path("late/", views.late_list, name="late_list"),
]
