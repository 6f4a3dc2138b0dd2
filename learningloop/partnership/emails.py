"""The emails of the partnership's structure: reminders that a group's terms of reference are due for
review."""

from learningloop.core.emails import Email, deadline_reminder


def terms_review_reminder(*, reminder) -> Email:
    """To a group's chair when the review of its terms of reference is due soon, due today or overdue."""
    group = reminder.deadline.name
    return deadline_reminder(
        "terms_review_reminder",
        reminder,
        subjects={
            "due-soon": f"Reminder: terms of reference review due soon: {group}",
            "due-today": f"Reminder: terms of reference review due today: {group}",
            "overdue": f"Overdue: terms of reference review: {group}",
        },
        title="Terms of reference review",
        sentence=f"The review of the terms of reference of {group}, which you chair,",
        action_text="See the group",
    )
