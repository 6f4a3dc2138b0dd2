"""URL patterns for the learning register pages (included by learning/urls.py under the "learning" namespace)."""

urlpatterns = []
