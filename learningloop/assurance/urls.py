from .audits.urls import urlpatterns as audit_patterns
from .contributions.urls import urlpatterns as contribution_patterns
from .feedback.urls import urlpatterns as feedback_patterns
from .selfassessment.urls import urlpatterns as selfassessment_patterns
from .surveys.urls import urlpatterns as survey_patterns

app_name = "assurance"
urlpatterns = selfassessment_patterns + audit_patterns + contribution_patterns + feedback_patterns
urlpatterns += survey_patterns
