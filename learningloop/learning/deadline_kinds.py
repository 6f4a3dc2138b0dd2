"""Case review milestones as a kind of deadline in the one engine (core.deadlines): how a milestone shows
on the deadlines page, who is reminded (the business unit), and the reminder's words."""

from django.contrib.auth import get_user_model

from learningloop.core import deadlines as engine
from learningloop.core.links import reverse_numbered
from learningloop.core.policy import BUSINESS_UNIT


def business_unit_recipients() -> list[engine.Recipient]:
    """Active business unit officers and administrators: they run the statutory clock."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="").order_by("pk")
    return [
        engine.Recipient(u.full_name or u.email, u.email) for u in users if BUSINESS_UNIT & set(u.roles or ())
    ]


def _describe(row):
    return (
        row.rule__label,
        f"{row.review__pseudonym}: {row.review__activity__title}",
        reverse_numbered("learning:review_detail", args=[row.review_id]),
    )


def _recipients(milestones):
    people = business_unit_recipients()
    return {m.pk: people for m in milestones}


def _link(milestone):
    return reverse_numbered("learning:review_detail", args=[milestone.review_id])


def compose_milestone_reminder(reminder: engine.DueReminder):
    """The reminder of a case review milestone (learning.emails)."""
    from . import emails

    return emails.milestone_reminder(reminder=reminder)


CASE_REVIEW = engine.DeadlineKind(
    code="case-review",
    label="Case review milestones",
    model="learning.Milestone",
    permission="review.view",
    describe=_describe,
    columns=(
        "rule__label",
        "review_id",
        "review__pseudonym",
        "review__activity__title",
        "review__activity__owning_group__name",
    ),
    select_related=("rule", "review", "review__activity", "review__activity__owning_group"),
    group_field="review__activity__owning_group_id",
    group_label=lambda row: row.review__activity__owning_group__name or "",
    recipients=_recipients,
    compose=compose_milestone_reminder,
    link=_link,
    position=10,
)


def register():
    engine.register(CASE_REVIEW)
