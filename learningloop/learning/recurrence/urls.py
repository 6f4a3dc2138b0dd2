"""URL patterns for recurrence: marking a suggestion on a finding's page."""

from django.urls import path

from . import views as v

urlpatterns = [
    path(
        "findings/<int:pk>/suggestions/<int:earlier>/mark",
        v.suggestion_mark,
        name="suggestion_mark",
    ),
]
