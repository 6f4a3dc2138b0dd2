"""URL patterns for the learning summaries pages."""

urlpatterns = []
