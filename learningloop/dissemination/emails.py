"""The emails of dissemination: requests to agencies and the reminders about them. Each names the request
(its title), what is asked, by when, and the link; never the key messages or anything restricted."""

from django.urls import reverse

from learningloop.core.emails import Email, deadline_reminder, render_email, site_url

# The reminder kinds of dissemination.reminders (the reminder ledger's `kind`).
DUE_SOON, DUE_TODAY, OVERDUE = "response-due-soon", "response-due-today", "response-overdue"
REMINDER_SUBJECTS = {
    DUE_SOON: "Reminder: response due soon: {title}",
    DUE_TODAY: "Reminder: response due today: {title}",
    OVERDUE: "Overdue: response to {title}",
}


def _response_link(response) -> str:
    return site_url(reverse("dissemination:response_detail", args=[response.pk]))


def request_sent(*, response, recipient) -> Email:
    """To an agency's strategic lead when the business unit sends a request to embed learning, or a request
    for information (its title, by when and the link: never what the information is about)."""
    request = response.request
    what = "Request for information" if request.is_information else "Request to embed learning"
    return render_email(
        "request_sent",
        to=recipient.email,
        subject=f"{what}: {request.title}",
        context={
            "is_information": request.is_information,
            "recipient_name": recipient.full_name,
            "agency_name": response.agency.name,
            "title": request.title,
            "due_on": request.due_on,
            "link": _response_link(response),
        },
    )


def response_reminder(*, response, recipient, due_on, which) -> Email:
    """To an agency's strategic lead whose response is due soon (`DUE_SOON`), due today (`DUE_TODAY`) or
    overdue (`OVERDUE`)."""
    title = response.request.title
    return render_email(
        "response_reminder",
        to=recipient.email,
        subject=REMINDER_SUBJECTS[which].format(title=title),
        context={
            # a user (full_name) or the deadline engine's Recipient (name)
            "recipient_name": getattr(recipient, "full_name", None) or recipient.name,
            "agency_name": response.agency.name,
            "title": title,
            "due_on": due_on,
            "which": {DUE_SOON: "soon", DUE_TODAY: "today", OVERDUE: "overdue"}[which],
            "link": _response_link(response),
        },
    )


def communication_reminder(*, reminder) -> Email:
    """To a planned communication's owner when it is due soon, due today or overdue."""
    what = reminder.deadline.description
    return deadline_reminder(
        "communication_reminder",
        reminder,
        subjects={
            "due-soon": f"Reminder: communication due soon: {what}",
            "due-today": f"Reminder: communication due today: {what}",
            "overdue": f"Overdue: communication: {what}",
        },
        title="Communication",
        sentence=f'The communication "{what}", which you own in a learning dissemination plan,',
        action_text="Record it as done",
    )
