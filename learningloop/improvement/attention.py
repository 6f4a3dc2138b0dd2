"""Home page panels for improvement actions: what is overdue and what falls due soon.

An agency's lead or member sees the actions their agency owns; the partnership-wide roles (business unit,
chairs, scrutineer) see every agency's. Four queries whatever the number of actions."""

from django.utils import timezone

from learningloop.core.policy import can

from .models import Action
from .presenters import action_rag, due_soon_until

SHOWN = 10


def actions_due_for(user, today=None, *, agency_only: bool) -> dict:
    today = today or timezone.localdate()
    actions = Action.objects.visible_to(user)
    if agency_only:
        actions = actions.for_agency(user.agency_id)
    overdue = actions.overdue(today)
    due_soon = actions.due_between(today, due_soon_until(today))
    related = ("plan", "owner_agency")

    def first(actions):
        # The first few picked by primary key (the index holds status and due date), then read with their
        # plan and agency: sorting thousands of joined rows to show ten is what cost the time (ADR 0025).
        shown = actions.order_by("due_on", "pk").values("pk")[:SHOWN]
        return list(Action.objects.filter(pk__in=shown).select_related(*related).order_by("due_on", "pk"))

    rows = {"overdue": first(overdue), "due_soon": first(due_soon)}
    for action in rows["overdue"] + rows["due_soon"]:
        action.display_rag = action_rag(action, today)
    return {
        "agency_only": agency_only,
        "overdue": rows["overdue"],
        "overdue_total": overdue.count(),
        "due_soon": rows["due_soon"],
        "due_soon_total": due_soon.count(),
        "empty": agency_only and not (rows["overdue"] or rows["due_soon"]),
    }


def agency_panel_applies(user) -> bool:
    return bool(user.agency_id) and can(user, "actions.update") and not can(user, "actions.view_all")


def agency_actions(user) -> dict:
    return actions_due_for(user, agency_only=True)


def partnership_panel_applies(user) -> bool:
    return can(user, "actions.view_all")


def partnership_actions(user) -> dict:
    return actions_due_for(user, agency_only=False)
