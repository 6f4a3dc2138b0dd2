"""URL patterns for the dissemination requests pages."""

urlpatterns = []
