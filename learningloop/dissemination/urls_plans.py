"""URL patterns for the dissemination plans pages."""

urlpatterns = []
