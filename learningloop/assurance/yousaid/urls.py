from django.urls import path

from . import views as v

urlpatterns = [
    path("you-said-we-did/", v.yswd_list, name="yswd_list"),
    path("you-said-we-did/new", v.yswd_create, name="yswd_create"),
    path("you-said-we-did/export", v.yswd_export, name="yswd_export"),
    path("you-said-we-did/<int:pk>/", v.yswd_detail, name="yswd_detail"),
    path("you-said-we-did/<int:pk>/edit", v.yswd_edit, name="yswd_edit"),
]
