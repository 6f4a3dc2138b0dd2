"""Builders for evidence of impact from audits: two audits on one theme, a year apart, each case moderated
with the agreed grade given for one domain (None: left blank at moderation; missing: never moderated)."""

import datetime

from learningloop.assurance.audits import services
from learningloop.partnership.models import LearningSourceType
from learningloop.partnership.tests.factories import LearningSourceTypeFactory


def moderated_audit(*, agencies, title, started_on, grades, domain="Joint working", unmoderated=0):
    """An audit whose cases' agreed grades in `domain` are `grades` (None: another domain agreed, this one
    left blank), plus `unmoderated` cases never moderated."""
    if not LearningSourceType.objects.filter(name=services.SOURCE_TYPE_NAME).exists():
        LearningSourceTypeFactory(name=services.SOURCE_TYPE_NAME)
    made = services.audit_create(title=title, theme="Neglect", agencies=agencies, started_on=started_on)
    target = made.domains.get(name=domain)
    other = made.domains.exclude(pk=target.pk).first()
    for n, grade in enumerate(grades, start=1):
        case = services.case_add(audit=made, reference=f"Case {n}")
        agreed = {target.pk: (grade, "")} if grade else {other.pk: ("good", "")}
        services.moderation_record(case=case, agreed=agreed, held_on=started_on + datetime.timedelta(days=60))
    for n in range(unmoderated):
        services.case_add(audit=made, reference=f"Unmoderated {n + 1}")
    return made
