from django.urls import include, path

app_name = "workforce"

urlpatterns = [
    path("", include("learningloop.workforce.programme.urls")),
    path("", include("learningloop.workforce.bookings.urls")),
    path("", include("learningloop.workforce.practitioners.urls")),
    path("", include("learningloop.workforce.review.urls")),
]
