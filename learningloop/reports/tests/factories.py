"""A whole learning trail for one key message, for the trail's tests and the authorisation walk: the
activity and finding it came from, its accepted summary, a dissemination plan with communications, a request
answered by two agencies, and an action plan with actions. Fictional content only."""

import datetime

from django.utils import timezone

from learningloop.dissemination.models import (
    AgencyResponse,
    AudiencePlan,
    Communication,
    CommunicationStatus,
    DisseminationPlan,
    EmbeddingRequest,
    MessagePlan,
    ResponseStatus,
)
from learningloop.improvement.models import Action, ActionPlan, ActionStatus, PlanScope
from learningloop.learning.models import SummaryStatus
from learningloop.learning.tests.factories_summaries import (
    ActivityFactory,
    FindingFactory,
    KeyMessageFactory,
    SummaryFactory,
)
from learningloop.partnership.tests.factories import (
    AgencyFactory,
    AudienceGroupFactory,
    DisseminationMethodFactory,
    PersonFactory,
)
from learningloop.reports.loop import loop_update

TODAY = datetime.date(2026, 1, 15)


def make_trail(
    *, agency=None, other_agency=None, communications=1, responses=True, actions=1, stage="embedded"
):
    """Build a key message and its trail as far as `stage` (identified, planned, disseminated, embedded).
    Returns a dict of the records made."""
    agency = agency or AgencyFactory(name="Northshire Police (trail)")
    other_agency = other_agency or AgencyFactory(name="Northshire Hospitals (trail)")
    activity = ActivityFactory(title="Neglect audit (trail)")
    finding = FindingFactory(activity=activity, text="Chronologies were not shared before strategy meetings")
    other_finding = FindingFactory(activity=activity, text="Fathers were not invited to core groups")
    summary = SummaryFactory(
        title="Neglect audit summary (trail)", status=SummaryStatus.ACCEPTED, activities=[activity]
    )
    message = KeyMessageFactory(summary=summary, text="Share chronologies before every strategy discussion")
    message.findings.set([finding])
    made = {
        "agency": agency,
        "other_agency": other_agency,
        "activity": activity,
        "finding": finding,
        "other_finding": other_finding,
        "summary": summary,
        "message": message,
        "communications": [],
        "responses": [],
        "actions": [],
    }
    if stage == "identified":
        return made
    plan = DisseminationPlan.objects.create(summary=summary)
    message_plan = MessagePlan.objects.create(
        plan=plan, key_message=message, purpose="So every agency shares"
    )
    audience = AudienceGroupFactory(name="Workforce communications (trail)")
    method = DisseminationMethodFactory(name="Learning briefing (trail)")
    audience_plan = AudiencePlan.objects.create(
        message_plan=message_plan, audience=audience, measures_of_success="Chronologies shared in audit"
    )
    audience_plan.methods.set([method])
    made.update(plan=plan, message_plan=message_plan, audience_plan=audience_plan, method=method)
    owner = PersonFactory(agency=agency, full_name="Sam Example")
    for n in range(communications):
        done = stage in ("disseminated", "embedded") and n == 0
        made["communications"].append(
            Communication.objects.create(
                audience_plan=audience_plan,
                method=method,
                description=f"Briefing session {n + 1}",
                owner=owner,
                due_on=TODAY + datetime.timedelta(days=n),
                status=CommunicationStatus.DONE if done else CommunicationStatus.PLANNED,
                done_on=TODAY if done else None,
                people_attending=40 if done else None,
                recipients=120 if done else None,
            )
        )
    if responses:
        request = EmbeddingRequest.objects.create(
            title="Embedding chronologies", due_on=TODAY, sent_at=timezone.now()
        )
        request.key_messages.set([message])
        made["request"] = request
        made["responses"] = [
            AgencyResponse.objects.create(
                request=request,
                agency=agency,
                status=ResponseStatus.ACCEPTED if stage == "embedded" else ResponseStatus.SUBMITTED,
            ),
            AgencyResponse.objects.create(request=request, agency=other_agency, status=ResponseStatus.DRAFT),
        ]
    if actions:
        action_plan = ActionPlan.objects.create(
            title="Chronology sharing actions", scope=PlanScope.MULTI_AGENCY, source_key_message=message
        )
        made["action_plan"] = action_plan
        for n in range(actions):
            made["actions"].append(
                Action.objects.create(
                    plan=action_plan,
                    description=f"Add chronology step to procedure {n + 1}",
                    owner_agency=agency,
                    due_on=TODAY,
                    status=ActionStatus.IN_PROGRESS,
                )
            )
    loop_update(key_message_ids=[message.pk])  # written past the services: its loop counted, as they do
    return made
