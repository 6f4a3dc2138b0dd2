"""The emails of governance. A link and a date, never the papers' content."""

from learningloop.core.emails import Email, deadline_reminder, render_email, site_url


def meeting_pack_published(*, meeting, person) -> Email:
    """To each member when the agenda and papers of a meeting are sent out (once per member)."""
    from django.urls import reverse

    return render_email(
        "meeting_pack_published",
        to=person.email,
        subject=f"Agenda and papers: {meeting}",
        context={
            "recipient_name": person.full_name,
            "meeting": str(meeting),
            "date": meeting.date,
            "link": site_url(reverse("governance:meeting_detail", args=[meeting.pk])),
        },
    )


_WHAT = {"papers": "The agenda and papers", "minutes": "The minutes"}


def meeting_deadline_reminder(*, reminder) -> Email:
    """To the group's chair and officers before the papers or the minutes of a meeting are due."""
    deadline = reminder.deadline
    what = _WHAT[deadline.kind]
    meeting = str(deadline.meeting)
    return deadline_reminder(
        "meeting_deadline_reminder",
        reminder,
        subjects={
            "due-soon": f"Reminder: {what.lower()} due soon: {meeting}",
            "due-today": f"Reminder: {what.lower()} due today: {meeting}",
            "overdue": f"Overdue: {what.lower()}: {meeting}",
        },
        title=what,
        sentence=f"{what} of the {meeting}",
        action_text="Open the meeting",
    )


def policy_review_reminder(*, reminder) -> Email:
    """To a policy's owner before its review is due."""
    title = reminder.deadline.title
    return deadline_reminder(
        "policy_review_reminder",
        reminder,
        subjects={
            "due-soon": f"Reminder: policy review due soon: {title}",
            "due-today": f"Reminder: policy review due today: {title}",
            "overdue": f"Overdue: policy review: {title}",
        },
        title="Policy review",
        sentence=f'The review of the policy "{title}", which you own,',
        action_text="Open the policy",
    )


def work_plan_reminder(*, reminder) -> Email:
    """To a work plan item's owner before it is due."""
    group = reminder.deadline.group.display_name
    return deadline_reminder(
        "work_plan_reminder",
        reminder,
        subjects={
            "due-soon": f"Reminder: work plan item due soon: {group}",
            "due-today": f"Reminder: work plan item due today: {group}",
            "overdue": f"Overdue: work plan item: {group}",
        },
        title="Work plan item",
        sentence=f"An item you own in the {group} work plan",
        action_text="Open the work plan",
    )
