from django.urls import path

from . import views

urlpatterns = [
    path("briefings/", views.published_briefings, name="published_briefings"),
    path("briefings/<int:pk>/", views.published_briefing, name="published_briefing"),
]
