"""The emails of the dataset. A reminder names the indicator and the period, never a value."""

from learningloop.core.emails import Email, deadline_reminder

from .periods import label_for


def data_reminder(*, reminder) -> Email:
    """To an agency's strategic leads when a dataset return is due soon, due today or overdue."""
    due = reminder.deadline
    what = f"{due.indicator.name}, {label_for(due.indicator.frequency, due.period_start)}"
    return deadline_reminder(
        "data_reminder",
        reminder,
        subjects={
            "due-soon": f"Reminder: dataset return due soon: {what}",
            "due-today": f"Reminder: dataset return due today: {what}",
            "overdue": f"Overdue: dataset return: {what}",
        },
        title="Dataset return",
        sentence=f"{due.agency}'s value for {what}",
        action_text="Submit the value",
    )
