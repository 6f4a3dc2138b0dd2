from django.urls import include, path

app_name = "performance"

urlpatterns = [
    path("", include("learningloop.performance.dashboard.urls")),
    path("", include("learningloop.performance.indicators.urls")),
    path("", include("learningloop.performance.submissions.urls")),
    path("", include("learningloop.performance.contribution.urls")),
]
