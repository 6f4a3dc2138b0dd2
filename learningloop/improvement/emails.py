"""The emails of improvement actions. The action's own words are not repeated (they may describe practice
in detail): the plan's title, the due date and the link."""

from learningloop.core.emails import Email, deadline_reminder


def action_reminder(*, reminder) -> Email:
    """To an action's owner when it is due soon, due today or overdue."""
    plan = reminder.deadline.plan.title
    return deadline_reminder(
        "action_reminder",
        reminder,
        subjects={
            "due-soon": f"Reminder: action due soon: {plan}",
            "due-today": f"Reminder: action due today: {plan}",
            "overdue": f"Overdue: action in {plan}",
        },
        title="Action",
        sentence=f'An action you own in the plan "{plan}"',
        action_text="Update the action",
    )
