from django.urls import include, path

app_name = "api"
urlpatterns = [
    path("tokens/", include("learningloop.api.tokens.urls")),
    path("", include("learningloop.api.feed.urls")),
]
