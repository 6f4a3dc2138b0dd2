from django.urls import path

from . import feeds, views

urlpatterns = [
    path("", views.index, name="index"),
    path("feed.atom", feeds.feed, name="feed"),
    path("themes/<slug:slug>/", views.theme, name="theme"),
    path("<slug:slug>/", views.publication, name="publication"),
    path("<slug:slug>/document.pdf", views.publication_pdf, name="publication_pdf"),
    path("<slug:slug>/files/<int:pk>/", views.publication_file, name="publication_file"),
]
