"""Self-assessment returns and audit milestones as kinds of deadline in the one engine (core.deadlines):
how each shows on the deadlines page, who is reminded (the agency's strategic leads), and the words."""

from learningloop.core import deadlines as engine
from learningloop.core.links import reverse_numbered


def _leads(agency_ids):
    from learningloop.accounts.models import User

    return User.objects.strategic_leads_of(agency_ids)


def _return_recipients(returns):
    leads = _leads({r.agency_id for r in returns})
    return {
        r.pk: [engine.Recipient(u.full_name, u.email) for u in leads.get(r.agency_id, [])] for r in returns
    }


def _return_path(ret):
    return reverse_numbered("assurance:return_detail", args=[ret.pk])


def _compose_return(reminder):
    from . import emails

    return emails.return_reminder(reminder=reminder)


RETURN = engine.DeadlineKind(
    code="self-assessment-return",
    label="Self-assessment returns",
    model="assurance.SelfAssessmentReturn",
    permission="assurance.view",
    describe=lambda row: ("Self-assessment return", row.cycle__name, _return_path(row)),
    columns=("cycle__name", "agency__name"),
    select_related=("cycle", "agency"),
    agency_field="agency_id",
    agency_label=lambda row: row.agency__name,
    recipients=_return_recipients,
    compose=_compose_return,
    link=_return_path,
    position=60,
)


def _milestone_recipients(milestones):
    from .models import Audit

    taking_part = {}
    for audit_id, agency_id in Audit.agencies.through.objects.filter(
        audit_id__in={m.audit_id for m in milestones}
    ).values_list("audit_id", "agency_id"):
        taking_part.setdefault(audit_id, set()).add(agency_id)
    leads = _leads(set().union(*taking_part.values()) if taking_part else set())
    return {
        m.pk: [
            engine.Recipient(u.full_name, u.email)
            for agency_id in sorted(taking_part.get(m.audit_id, ()))
            for u in leads.get(agency_id, [])
        ]
        for m in milestones
    }


def _milestone_path(milestone):
    return reverse_numbered("assurance:audit_detail", args=[milestone.audit_id])


def _compose_milestone(reminder):
    from . import emails

    return emails.audit_milestone_reminder(reminder=reminder)


AUDIT_MILESTONE = engine.DeadlineKind(
    code="audit-milestone",
    label="Multi-agency audit timetable",
    model="assurance.AuditMilestone",
    permission="assurance.view",
    describe=lambda row: (row.label, row.audit__activity__title, _milestone_path(row)),
    columns=("label", "audit_id", "audit__activity__title"),
    select_related=("audit__activity",),
    recipients=_milestone_recipients,
    compose=_compose_milestone,
    link=_milestone_path,
    position=61,
)


def register():
    engine.register(RETURN)
    engine.register(AUDIT_MILESTONE)
