"""The learning hub: the business unit's publishing pages under manage/ (signed in), then the public pages
(no sign-in). The publishing pages come first, so no publication slug can shadow them (slugs avoid
RESERVED_SLUGS)."""

from django.urls import include, path

app_name = "website"
urlpatterns = [
    path("", include("learningloop.website.publishing.urls")),
    path("", include("learningloop.website.public.urls")),
]
