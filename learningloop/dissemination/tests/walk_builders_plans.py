"""Records the authorisation walk needs for the dissemination plan pages' URLs that take an id."""

from .factories_plans import (
    CommunicationFactory,
    accepted_summary,
    ensure_audiences,
    first_audience_plan,
    make_plan,
)


def extend(objects):
    ensure_audiences()
    plan = make_plan(2, subgroup=objects["group"])
    objects["plan"] = plan
    objects["message_plan"] = plan.message_plans.order_by("pk").first()
    objects["audience_plan"] = first_audience_plan(plan)
    objects["communication"] = CommunicationFactory(audience_plan=objects["audience_plan"])
    objects["summary_for_plan"] = accepted_summary(1, subgroup=objects["group"])
