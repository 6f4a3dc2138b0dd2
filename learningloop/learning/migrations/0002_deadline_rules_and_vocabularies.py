"""The statutory deadline rules, and the starting vocabularies of themes and workforce groups.
All are data: the business unit can read the rules on a page and maintain the vocabularies."""

from django.db import migrations

RULES = [
    # code, kind, label, amount, unit, direction, starts_from, done_when, only_for_local_review, basis
    (
        "child-notify-panel",
        "child",
        "Notify the national Panel",
        5,
        "working_days",
        "after",
        "aware_on",
        "panel_notified_on",
        False,
        "Working Together 2023; gov.uk: report a serious child safeguarding incident",
    ),
    (
        "child-rapid-review",
        "child",
        "Send the rapid review to the Panel",
        15,
        "working_days",
        "after",
        "panel_notified_on",
        "rapid_review_sent_on",
        False,
        "Child Safeguarding Practice Review Panel guidance",
    ),
    (
        "child-local-review",
        "child",
        "Complete and publish the local review",
        6,
        "months",
        "after",
        "decision_on",
        "published_on",
        True,
        "Working Together 2023: within six months of the decision to hold a review",
    ),
    (
        "child-report-to-panel",
        "child",
        "Send the report to the Panel and the Secretary of State",
        7,
        "working_days",
        "before",
        "planned_publication_on",
        "sent_to_panel_on",
        True,
        "Working Together 2023: at least 7 working days before publication",
    ),
    (
        "sar-decision",
        "sar",
        "Decide whether to hold a safeguarding adult review",
        3,
        "months",
        "after",
        "aware_on",
        "decision_on",
        False,
        "Local policy of the Safeguarding Adults Board",
    ),
    (
        "sar-complete",
        "sar",
        "Complete and publish the safeguarding adult review",
        6,
        "months",
        "after",
        "decision_on",
        "published_on",
        True,
        "Local policy of the Safeguarding Adults Board",
    ),
    (
        "dhr-decision",
        "dhr",
        "Decide whether to hold a domestic homicide review",
        1,
        "months",
        "after",
        "aware_on",
        "decision_on",
        False,
        "Domestic Homicide Review statutory guidance (2016): decision within one month",
    ),
    (
        "dhr-complete",
        "dhr",
        "Complete the domestic homicide review",
        6,
        "months",
        "after",
        "decision_on",
        "published_on",
        True,
        "Domestic Homicide Review statutory guidance (2016): within six months",
    ),
]

THEMES = [
    "Professional curiosity",
    "Information sharing",
    "Voice of the child",
    "Risk assessment",
    "Neglect",
    "Domestic abuse",
    "Fathers and significant adults",
    "Escalation",
    "Exploitation",
    "Parental mental health",
    "Substance misuse",
    "Safe sleep",
    "Multi-agency working",
    "Record keeping",
    "Thresholds and early help",
]
WORKFORCE_GROUPS = [
    ("GPs and primary care", "Workforce communications"),
    ("Schools' designated safeguarding leads", "Workforce communications"),
    ("Police response officers", "Workforce communications"),
    ("Children's social workers", "Workforce communications"),
    ("Health visitors and school nurses", "Workforce communications"),
    ("Emergency department staff", "Workforce communications"),
    ("Early years practitioners", "Workforce communications"),
    ("Housing officers", "Workforce communications"),
]


def load(apps, schema_editor):
    DeadlineRule = apps.get_model("learning", "DeadlineRule")
    Theme = apps.get_model("learning", "Theme")
    WorkforceGroup = apps.get_model("learning", "WorkforceGroup")
    for position, (code, kind, label, amount, unit, direction, start, done, local, basis) in enumerate(RULES):
        DeadlineRule.objects.get_or_create(
            code=code,
            defaults=dict(
                review_kind=kind,
                label=label,
                amount=amount,
                unit=unit,
                direction=direction,
                starts_from=start,
                done_when=done,
                only_for_local_review=local,
                basis=basis,
                position=position,
            ),
        )
    for name in THEMES:
        if not Theme.objects.filter(name__iexact=name).exists():
            Theme.objects.create(name=name)
    for name, _audience in WORKFORCE_GROUPS:
        if not WorkforceGroup.objects.filter(name__iexact=name).exists():
            WorkforceGroup.objects.create(name=name)


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
