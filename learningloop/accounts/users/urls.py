from django.urls import path

from . import views as user_views

app_name = "accounts"

urlpatterns = [
    path("", user_views.user_list, name="user_list"),
    path("new", user_views.user_create, name="user_create"),
    path("<int:pk>/edit", user_views.user_edit, name="user_edit"),
    path("<int:pk>/deactivate", user_views.user_deactivate, name="user_deactivate"),
]
