from django.urls import path

from . import export_views

app_name = "exports"
urlpatterns = [
    path("<int:pk>/", export_views.export_run, name="export_run"),
    path("<int:pk>/download", export_views.export_download, name="export_download"),
]
