"""URL patterns for the learning reviews pages."""

urlpatterns = []
