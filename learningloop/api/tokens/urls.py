from django.urls import path

from . import views

urlpatterns = [
    path("", views.token_list, name="token_list"),
    path("new", views.token_create, name="token_create"),
    path("all/", views.token_admin_list, name="token_admin_list"),
    path("<int:pk>/revoke", views.token_revoke, name="token_revoke"),
]
