"""The emails of the reports area. A link and a date, never the report's content."""

from learningloop.core.emails import Email, deadline_reminder


def yearly_report_due_reminder(*, reminder) -> Email:
    """To the business unit before the next yearly report is due (twelve months after the last one was
    published)."""
    return deadline_reminder(
        "yearly_report_due_reminder",
        reminder,
        subjects={
            "due-soon": "Reminder: the partners' yearly report is due soon",
            "due-today": "Reminder: the partners' yearly report is due today",
            "overdue": "Overdue: the partners' yearly report",
        },
        title="The partners' yearly report",
        sentence="The safeguarding partners' next yearly report (at least once in every twelve months)",
        action_text="Open the yearly reports",
    )
