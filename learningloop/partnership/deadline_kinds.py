"""The review of a group's terms of reference as a kind of deadline in the one engine (core.deadlines):
how it shows on the deadlines page, who is reminded (the group's current chairs), and the reminder's words."""

from learningloop.core import deadlines as engine
from learningloop.core.links import reverse_numbered


def _describe(row):
    return (
        "Review the terms of reference",
        row.name,
        reverse_numbered("partnership:group_detail", args=[row.pk]),
    )


def _recipients(groups):
    from .models import Membership, MembershipRole

    chairs = (
        Membership.objects.current()
        .filter(group__in=[g.pk for g in groups], role=MembershipRole.CHAIR, person__is_active=True)
        .exclude(person__email="")
        .select_related("person")
        .order_by("pk")
    )
    found: dict[int, list[engine.Recipient]] = {g.pk: [] for g in groups}
    for membership in chairs:
        found[membership.group_id].append(
            engine.Recipient(membership.person.full_name, membership.person.email)
        )
    return found


def compose_terms_review_reminder(reminder: engine.DueReminder):
    """The reminder to a group's chair that its terms of reference are due for review (partnership.emails)."""
    from . import emails

    return emails.terms_review_reminder(reminder=reminder)


TERMS_REVIEW = engine.DeadlineKind(
    code="terms-review",
    label="Terms of reference reviews",
    model="partnership.Group",
    permission="partnership.view",
    describe=_describe,
    columns=("name",),
    group_field="id",
    group_label=lambda row: row.name,
    recipients=_recipients,
    # "A reminder goes a month before" the review (Appendix A: reviewed annually): about 20 working days.
    schedule=engine.ReminderSchedule(before=(20, 5)),
    compose=compose_terms_review_reminder,
    link=lambda g: reverse_numbered("partnership:group_detail", args=[g.pk]),
    position=50,
)


def _group_choices():
    from .models import Group

    return Group.objects.order_by("name").values_list("pk", "name")


def _agency_choices(chosen=()):
    """The agencies that are not schools, "Any school", then the school already chosen (as the lists'
    agency filter offers them: partnership.filters, ADR 0038)."""
    from .filters import AgencyChoiceField
    from .models import Agency

    field = AgencyChoiceField(queryset=Agency.objects.order_by("name"), empty_label=None)
    field.chosen = chosen
    return list(iter(field.choices))  # (list() alone would ask its length, reading the choices twice)


def _school_ids():
    from .models import Agency

    return Agency.objects.filter(is_school=True).values("pk")


def register():
    from learningloop.core.deadline_page import register_agency_set, register_filter_choices

    from .filters import SCHOOLS

    engine.register(TERMS_REVIEW)
    register_filter_choices("group", _group_choices)
    register_filter_choices("agency", _agency_choices)
    register_agency_set(SCHOOLS, "Any school", _school_ids)
