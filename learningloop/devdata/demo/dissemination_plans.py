"""Demo dissemination plans (Appendix C): one for each accepted demo Summary of Learning, with purposes,
methods and measures filled in, and tracked communications in every status, including overdue ones and
done ones with their reach. Dates are relative to today. Fictional content only.

Safe to repeat: a plan is created once per summary; its rows are filled only while empty, and its
communications are added only when it has none."""

import datetime

from django.db import transaction
from django.utils import timezone

from learningloop.dissemination.models import (
    AudiencePlan,
    Communication,
    CommunicationStatus,
    DisseminationPlan,
)
from learningloop.dissemination.plans.services import plan_create_for_summary
from learningloop.learning.models import SummaryOfLearning, SummaryStatus
from learningloop.partnership.models import Agency, AudienceGroup, DisseminationMethod, Person

INTERNAL, WORKFORCE, EXTERNAL, GENERAL = (
    "internal communications",
    "workforce communications",
    "external communications",
    "general communications",
)

# audience -> (methods, measures of success)
ROWS = {
    INTERNAL: (
        ["Learning briefing", "Formal request to agencies"],
        "Every partner agency confirms the key message has reached its senior leaders.",
    ),
    WORKFORCE: (
        ["Learning briefing", "Webinar or learning event", "Multi-agency training"],
        "At least 150 practitioners attend a learning event; the next multi-agency audit shows the change.",
    ),
    EXTERNAL: (
        ["Publication of reviews on the SCP website"],
        "Leaflet downloads from the website; feedback from the young people's advisory group.",
    ),
    GENERAL: (
        ["SCP newsletter", "Publication of reviews on the SCP website"],
        "Website views of the learning page and newsletter opens.",
    ),
}

PURPOSE = (
    "To make sure every practitioner knows what this key message asks of them and changes practice, "
    "so that children are safer."
)

# audience, method, description, days from today, status, done days from today, reach (attending,
# recipients, downloads or views)
COMMUNICATIONS = [
    (INTERNAL, "Learning briefing", "Present the learning at the Learning and Development Group",
     -40, CommunicationStatus.DONE, -42, (18, None, None)),
    (WORKFORCE, "Webinar or learning event", "Lunchtime webinar for practitioners",
     -20, CommunicationStatus.DONE, -18, (124, None, 310)),
    (WORKFORCE, "Learning briefing", "7-minute briefing sent to every partner agency",
     -8, CommunicationStatus.IN_PROGRESS, None, None),
    (WORKFORCE, "Multi-agency training", "Add the learning to the neglect training course",
     21, CommunicationStatus.PLANNED, None, None),
    (EXTERNAL, "Publication of reviews on the SCP website", "Young people's version on the website",
     -3, CommunicationStatus.PLANNED, None, None),
    (GENERAL, "SCP newsletter", "Item in the spring newsletter",
     35, CommunicationStatus.IN_PROGRESS, None, None),
    (GENERAL, "Publication of reviews on the SCP website", "Public summary of the learning",
     10, CommunicationStatus.CANCELLED, None, None),
]  # fmt: skip


def _fill_rows(plan, methods):
    for message_plan in plan.message_plans.all():
        if not message_plan.purpose:
            message_plan.purpose = PURPOSE
            message_plan.save(update_fields=["purpose"])
        for audience_plan in message_plan.audience_plans.select_related("audience"):
            names, measures = ROWS.get(audience_plan.audience.name.lower(), ([], ""))
            if not audience_plan.measures_of_success and not audience_plan.methods.exists():
                audience_plan.measures_of_success = measures
                audience_plan.save(update_fields=["measures_of_success"])
                audience_plan.methods.set([methods[n.lower()] for n in names if n.lower() in methods])


def _add_communications(plan, methods, today):
    first = plan.message_plans.order_by("key_message__position", "key_message__pk").first()
    if first is None or Communication.objects.filter(plan=plan).exists():
        return 0
    rows = {ap.audience.name.lower(): ap for ap in AudiencePlan.objects.filter(message_plan=first)
            .select_related("audience")}  # fmt: skip
    people = list(Person.objects.filter(is_active=True).select_related("agency").order_by("pk")[:5])
    agencies = list(Agency.objects.filter(is_active=True).order_by("pk")[:5])
    added = 0
    for index, (audience, method, description, due, status, done, reach) in enumerate(COMMUNICATIONS):
        audience_plan, method_row = rows.get(audience), methods.get(method.lower())
        if audience_plan is None or method_row is None:
            continue
        owner = people[index % len(people)] if people else None
        agency = owner.agency if owner else (agencies[index % len(agencies)] if agencies else None)
        attending, recipients, views = reach or (None, None, None)
        communication = Communication(
            audience_plan=audience_plan, method=method_row, description=description, owner=owner,
            owner_agency=agency, due_on=today + datetime.timedelta(days=due), status=status,
            done_on=today + datetime.timedelta(days=done) if done is not None else None,
            people_attending=attending, recipients=recipients, downloads_or_views=views,
            notes="Fictional demo communication.",
        )  # fmt: skip
        communication.full_clean()
        communication.save()
        added += 1
    return added


@transaction.atomic
def seed(stdout=None) -> int:
    """Add the demo plans that are missing and fill them in; return how many plans were added."""
    if not AudienceGroup.objects.active().exists():
        if stdout:
            stdout.write("Dissemination plans: skipped, no audience groups (run load_framework first)")
        return 0
    methods = {m.name.lower(): m for m in DisseminationMethod.objects.all()}
    today = timezone.localdate()
    added = communications = 0
    summaries = SummaryOfLearning.objects.filter(status=SummaryStatus.ACCEPTED).order_by("pk")
    for summary in summaries:
        plan, created = plan_create_for_summary(summary=summary)
        added += created
        plan = DisseminationPlan.objects.get(pk=plan.pk)
        _fill_rows(plan, methods)
        communications += _add_communications(plan, methods, today)
    if stdout:
        stdout.write(f"Dissemination plans: {added} added, {communications} communications added")
    return added
