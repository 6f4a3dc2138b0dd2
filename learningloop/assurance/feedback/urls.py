"""URL patterns for complaints and compliments."""

from django.urls import path

from . import views as v

urlpatterns = [
    path("complaints-and-compliments/", v.feedback_list, name="feedback_list"),
    path("complaints-and-compliments/new", v.feedback_create, name="feedback_create"),
    path("complaints-and-compliments/import/", v.feedback_import, name="feedback_import"),
    path(
        "complaints-and-compliments/import/template/",
        v.feedback_import_template,
        name="feedback_import_template",
    ),
    path("complaints-and-compliments/import/<int:pk>/", v.feedback_import_run, name="feedback_import_run"),
]
