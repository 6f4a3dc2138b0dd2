from django.urls import path

from . import views

urlpatterns = [
    path("manage/", views.manage_list, name="manage_list"),
    path("manage/publish/", views.candidates, name="candidates"),
    path("manage/publish/<slug:kind_code>/<int:source_id>/", views.publish, name="publish"),
    path("manage/<int:pk>/retire/", views.retire, name="retire"),
    path("manage/statistics/", views.statistics, name="statistics"),
    path("manage/statistics/export/", views.statistics_export, name="statistics_export"),
    path("manage/statistics/record/", views.statistics_record, name="statistics_record"),
]
