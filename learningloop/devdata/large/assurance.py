"""The large partnership's assurance: each year a Section 11 cycle (every agency) and a Section 175/157
cycle (every school, 500 at full scale), each with its row in the learning register, returns mostly
submitted (some late, some locked) and a score for every standard. Written with bulk_create."""

import datetime

from learningloop.assurance.models import (
    Answer,
    Cycle,
    ReturnStatus,
    SelfAssessmentReturn,
    StandardSet,
    StandardSetKind,
)
from learningloop.assurance.preset import preset_load
from learningloop.assurance.selfassessment.services import SOURCE_TYPE_NAMES
from learningloop.learning.models import ActivityStatus, LearningActivity
from learningloop.partnership.models import LearningSourceType

from .common import BATCH, Context, bulk


def _cycle(ctx, standard_set, agencies, first, last, label):
    source_type = LearningSourceType.objects.get(name=SOURCE_TYPE_NAMES[standard_set.kind])
    due = last - datetime.timedelta(days=60)
    if due <= first:
        due = last
    finished = due < ctx.today
    activity = LearningActivity.objects.create(
        title=f"{label} {first.year}",
        source_type=source_type,
        started_on=first,
        # A completed activity has the date it was completed, as its form asks (the cycle's due date).
        completed_on=due if finished else None,
        status=ActivityStatus.COMPLETED if finished else ActivityStatus.IN_PROGRESS,
    )
    activity.provider_agencies.set(agencies)
    cycle = Cycle.objects.create(
        activity=activity, standard_set=standard_set, name=activity.title, opens_on=first, due_on=due
    )
    returns = []
    for agency in agencies:
        roll = ctx.rng.random()
        if due >= ctx.today and roll < 0.5:
            returns.append(SelfAssessmentReturn(cycle=cycle, agency=agency, due_on=due))
            continue
        submitted = None if roll > 0.95 else due + datetime.timedelta(days=ctx.rng.randint(-20, 15))
        status = ReturnStatus.SUBMITTED if submitted else ReturnStatus.IN_PROGRESS
        returns.append(
            SelfAssessmentReturn(
                cycle=cycle,
                agency=agency,
                due_on=due,
                status=status,
                submitted_on=min(submitted, ctx.today) if submitted else None,
            )
        )
    returns = bulk(SelfAssessmentReturn, returns)
    standards = list(standard_set.standards.filter(is_active=True).values_list("pk", flat=True))
    answers = [
        Answer(ret=r, standard_id=s, score=ctx.rng.choice((0, 1, 1, 2, 2, 2, 3, 3)), evidence="Evidence seen")
        for r in returns
        if r.status != ReturnStatus.NOT_STARTED
        for s in standards
    ]
    Answer.objects.bulk_create(answers, batch_size=BATCH)
    return len(returns), len(answers)


def build_assurance(ctx: Context) -> tuple[int, int]:
    preset_load()
    sets = {s.kind: s for s in StandardSet.objects.all()}
    returns = answers = 0
    for first, last in ctx.year_spans():
        for kind, agencies, label in (
            (StandardSetKind.SECTION_11, ctx.agencies, "Section 11 self-assessment"),
            (StandardSetKind.SECTION_175, ctx.schools, "Section 175/157 schools' audit"),
        ):
            if agencies and kind in sets:
                r, a = _cycle(ctx, sets[kind], agencies, first, last, label)
                returns, answers = returns + r, answers + a
    return returns, answers
