"""URL patterns for the dissemination briefings pages."""

urlpatterns = []
