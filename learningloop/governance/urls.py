from .calendar.urls import urlpatterns as calendar_patterns
from .events.urls import urlpatterns as event_patterns
from .meetings.urls import urlpatterns as meeting_patterns
from .policies.urls import urlpatterns as policy_patterns
from .workplan.urls import urlpatterns as workplan_patterns

app_name = "governance"
urlpatterns = meeting_patterns + calendar_patterns + workplan_patterns + policy_patterns + event_patterns
