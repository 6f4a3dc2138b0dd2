from .urls_briefings import urlpatterns as briefing_patterns
from .urls_plans import urlpatterns as plan_patterns
from .urls_requests import urlpatterns as request_patterns

app_name = "dissemination"
urlpatterns = plan_patterns + briefing_patterns + request_patterns
