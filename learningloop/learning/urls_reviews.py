"""URL patterns for the learning reviews pages (included by learning/urls.py under the "learning" namespace)."""

urlpatterns = []
