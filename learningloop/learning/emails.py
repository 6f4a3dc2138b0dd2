"""The emails of learning: case review deadline reminders. They name the milestone only, never the child:
the pseudonym and the details are behind sign-in."""

from learningloop.core.emails import Email, deadline_reminder


def milestone_reminder(*, reminder) -> Email:
    """To the business unit when a case review milestone is due soon, due today or overdue."""
    what = reminder.deadline.rule.label
    return deadline_reminder(
        "milestone_reminder",
        reminder,
        subjects={
            "due-soon": f"Reminder: case review deadline due soon: {what}",
            "due-today": f"Reminder: case review deadline due today: {what}",
            "overdue": f"Overdue: case review deadline: {what}",
        },
        title="Case review deadline",
        sentence=f'A case review milestone, "{what}",',
        action_text="See the review",
    )
