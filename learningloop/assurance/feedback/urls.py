"""URL patterns for complaints and compliments."""

from django.urls import path

from . import views as v

urlpatterns = [
    path("complaints-and-compliments/", v.feedback_list, name="feedback_list"),
    path("complaints-and-compliments/new", v.feedback_create, name="feedback_create"),
]
