"""URL patterns for the learning summaries pages (included by learning/urls.py under the "learning" namespace)."""

urlpatterns = []
