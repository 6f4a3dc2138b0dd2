"""URL patterns for the learning register pages."""

urlpatterns = []
