from .briefings.urls import urlpatterns as briefing_patterns
from .plans.urls import urlpatterns as plan_patterns
from .requests.urls import urlpatterns as request_patterns

app_name = "dissemination"
urlpatterns = plan_patterns + briefing_patterns + request_patterns
