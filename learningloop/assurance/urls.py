from .audits.urls import urlpatterns as audit_patterns
from .contributions.urls import urlpatterns as contribution_patterns
from .evidence.urls import urlpatterns as evidence_patterns
from .feedback.urls import urlpatterns as feedback_patterns
from .selfassessment.urls import urlpatterns as selfassessment_patterns
from .surveys.urls import urlpatterns as survey_patterns
from .yousaid.urls import urlpatterns as yousaid_patterns

app_name = "assurance"
urlpatterns = selfassessment_patterns + audit_patterns + contribution_patterns + feedback_patterns
urlpatterns = urlpatterns + evidence_patterns + yousaid_patterns
urlpatterns += survey_patterns
