from .recurrence.urls import urlpatterns as recurrence_patterns
from .register.urls import urlpatterns as register_patterns
from .reviews.urls import urlpatterns as review_patterns
from .summaries.urls import urlpatterns as summary_patterns

app_name = "learning"
urlpatterns = register_patterns + recurrence_patterns + review_patterns + summary_patterns
