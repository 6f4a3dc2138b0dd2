from .urls_register import urlpatterns as register_patterns
from .urls_reviews import urlpatterns as review_patterns
from .urls_summaries import urlpatterns as summary_patterns

app_name = "learning"
urlpatterns = register_patterns + review_patterns + summary_patterns
