from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.trail_index, name="trail_index"),
    path("export.csv", views.trail_export, name="trail_export"),
    path("messages/<int:pk>/", views.key_message_trail, name="key_message_trail"),
]
