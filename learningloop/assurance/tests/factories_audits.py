"""Builders for multi-agency audits, made through the services as the business unit makes them."""

from django.utils import timezone

from learningloop.assurance.audits import services
from learningloop.partnership.models import LearningSourceType
from learningloop.partnership.tests.factories import LearningSourceTypeFactory


def audit(*, agencies, title="Walk audit: neglect", theme="Neglect", cases=("Case 1", "Case 2")):
    if not LearningSourceType.objects.filter(name=services.SOURCE_TYPE_NAME).exists():
        LearningSourceTypeFactory(name=services.SOURCE_TYPE_NAME)
    made = services.audit_create(
        title=title, theme=theme, agencies=agencies, started_on=timezone.localdate(), domains=None
    )
    for reference in cases:
        services.case_add(audit=made, reference=reference)
    return made
