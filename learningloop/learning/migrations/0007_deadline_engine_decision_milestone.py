"""The deadline engine: rules may count in weeks, and the case review clock gains the missing milestone, the
decision on a local review after the rapid review (Child Safeguarding Practice Review Panel guidance: the
decision comes with the rapid review, within 15 working days of notification). The rule is data the business
unit can change; existing child reviews get the milestone, computed from their own dates. Idempotent: an
existing rule with the same code is left as it is, and reviews that already have the milestone are skipped.
Existing milestones and their due dates are not touched."""

from django.db import migrations, models

from learningloop.core.deadlines import compute_due

DECISION = {
    "code": "child-decision",
    "review_kind": "child",
    "label": "Decide whether to hold a local review",
    "amount": 15,
    "unit": "working_days",
    "direction": "after",
    "starts_from": "panel_notified_on",
    "done_when": "decision_on",
    "only_for_local_review": False,
    "basis": "Child Safeguarding Practice Review Panel guidance: the decision with the rapid review, "
    "within 15 working days of notification",
    "position": 1,
}


def add_decision_milestone(apps, schema_editor):
    DeadlineRule = apps.get_model("learning", "DeadlineRule")
    CaseReview = apps.get_model("learning", "CaseReview")
    Milestone = apps.get_model("learning", "Milestone")
    fields = {k: v for k, v in DECISION.items() if k != "code"}
    rule, _ = DeadlineRule.objects.get_or_create(code=DECISION["code"], defaults=fields)
    have = set(Milestone.objects.filter(rule=rule).values_list("review_id", flat=True))
    new = []
    for review in CaseReview.objects.filter(kind=rule.review_kind).exclude(pk__in=have).iterator():
        start = getattr(review, rule.starts_from)
        new.append(
            Milestone(
                review=review,
                rule=rule,
                due_on=compute_due(start, rule.amount, rule.unit, rule.direction),
                done_on=getattr(review, rule.done_when),
            )
        )
    Milestone.objects.bulk_create(new, batch_size=500)


def remove_decision_milestone(apps, schema_editor):
    DeadlineRule = apps.get_model("learning", "DeadlineRule")
    Milestone = apps.get_model("learning", "Milestone")
    Milestone.objects.filter(rule__code=DECISION["code"]).delete()
    DeadlineRule.objects.filter(code=DECISION["code"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0006_edit_versions_vocabularies_summaries"),
    ]

    operations = [
        migrations.AlterField(
            model_name="deadlinerule",
            name="unit",
            field=models.CharField(
                choices=[
                    ("working_days", "working days"),
                    ("calendar_days", "days"),
                    ("weeks", "weeks"),
                    ("months", "months"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(add_decision_milestone, remove_decision_milestone),
    ]
