from django.urls import path

from . import views

app_name = "partnership"
urlpatterns = [
    path("agencies/", views.agency_list, name="agency_list"),
]
