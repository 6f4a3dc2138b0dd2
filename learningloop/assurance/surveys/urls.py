"""URL patterns for surveys: the service's pages (under /assurance/) and, apart, the answer form at
/have-your-say/ (config/urls.py includes `public_urlpatterns` there under the have_your_say namespace)."""

from django.urls import path

from . import views as v

urlpatterns = [
    path("surveys/", v.survey_list, name="survey_list"),
    path("surveys/new", v.survey_create, name="survey_create"),
    path("surveys/<int:pk>/", v.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/edit", v.survey_edit, name="survey_edit"),
    path("surveys/<int:pk>/questions/new", v.question_create, name="survey_question_create"),
    path("surveys/questions/<int:pk>/edit", v.question_edit, name="survey_question_edit"),
    path("surveys/questions/<int:pk>/answers", v.question_answers, name="survey_free_text"),
    path("surveys/<int:pk>/results", v.survey_results_page, name="survey_results"),
    path("surveys/<int:pk>/results/export", v.survey_export, name="survey_export"),
    path("surveys/<int:pk>/import", v.survey_import, name="survey_import"),
    path("surveys/<int:pk>/import/template", v.survey_import_template, name="survey_import_template"),
    path("surveys/imports/<int:pk>", v.survey_import_run, name="survey_import_run"),
]

PUBLIC_PREFIX = "/have-your-say/"
public_urlpatterns = (
    [
        path("<slug:slug>/", v.answer, name="answer"),
        path("<slug:slug>/thank-you", v.thanks, name="thanks"),
    ],
    "have_your_say",
)
