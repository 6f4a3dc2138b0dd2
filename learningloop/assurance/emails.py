"""The emails of assurance. They name the cycle or audit, the date and the link; never scores, evidence or
anything about a case."""

from learningloop.core.emails import Email, deadline_reminder


def return_reminder(*, reminder) -> Email:
    """To an agency's strategic leads when their self-assessment return is due soon, today or overdue."""
    cycle = reminder.deadline.cycle.name
    return deadline_reminder(
        "return_reminder",
        reminder,
        subjects={
            "due-soon": f"Reminder: self-assessment return due soon: {cycle}",
            "due-today": f"Reminder: self-assessment return due today: {cycle}",
            "overdue": f"Overdue: self-assessment return for {cycle}",
        },
        title="Self-assessment return",
        sentence=f'Your agency\'s return for "{cycle}"',
        action_text="Complete the return",
    )


def audit_milestone_reminder(*, reminder) -> Email:
    """To the leads of the agencies taking part when a step of an audit's timetable is near."""
    milestone = reminder.deadline
    return deadline_reminder(
        "audit_milestone_reminder",
        reminder,
        subjects={
            "due-soon": f"Reminder: multi-agency audit step due soon: {milestone.label}",
            "due-today": f"Reminder: multi-agency audit step due today: {milestone.label}",
            "overdue": f"Overdue: multi-agency audit step: {milestone.label}",
        },
        title="Multi-agency audit",
        sentence=f'The step "{milestone.label}" of a multi-agency audit your agency takes part in',
        action_text="Open the audit",
    )
