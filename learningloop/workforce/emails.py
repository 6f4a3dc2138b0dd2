"""The emails of workforce development. Each names the course and the date and gives the link; none carries
what a practitioner wrote in an evaluation. The confirmation of a practitioner's email address carries a
working key, so it is rendered only by the worker (practitioners.tasks), never stored in the task table."""

from django.urls import reverse

from learningloop.core.dates import format_date
from learningloop.core.emails import Email, render_email, site_url


def _when(session) -> str:
    return f"{format_date(session.date)}, {session.start_time:%H:%M} to {session.end_time:%H:%M}"


def _notice(name, *, to, subject, recipient_name, lines, link, action_text, due_on=None):
    return render_email(
        name,
        to=to,
        subject=subject,
        context={
            "recipient_name": recipient_name,
            "title": subject,
            "lines": lines,
            "link": link,
            "action_text": action_text,
            "due_on": due_on,
        },
    )


def _booking_link(booking):
    return site_url(reverse("workforce:booking_detail", kwargs={"pk": booking.pk}))


def training_place_confirmed(*, booking) -> Email:
    """To a practitioner whose place is confirmed: the joining instructions (where and when; the joining
    link is on the booking page) and the link to the before-session evaluation."""
    session = booking.session
    where = session.venue or "Online: the joining link is on your booking page"
    return _notice(
        "training_place_confirmed",
        to=booking.practitioner.email,
        subject=f"Your place is confirmed: {session.course.title}",
        recipient_name=booking.practitioner.full_name,
        lines=[
            f"When: {_when(session)}",
            f"Where: {where}",
            "Before the session, tell us how confident you feel about the subject (it takes two minutes).",
        ],
        link=_booking_link(booking),
        action_text="See your booking and joining instructions",
    )


def training_session_reminder(*, booking) -> Email:
    """To a practitioner with a place, a few working days before the session."""
    session = booking.session
    return _notice(
        "training_session_reminder",
        to=booking.practitioner.email,
        subject=f"Reminder: {session.course.title} on {format_date(session.date)}",
        recipient_name=booking.practitioner.full_name,
        lines=[
            f"When: {_when(session)}",
            "If you can no longer attend, cancel your place so someone else can.",
        ],
        link=_booking_link(booking),
        action_text="See your booking",
    )


def training_place_offered(*, booking) -> Email:
    """To the next practitioner on a waiting list when a place is freed: accept it by the date given."""
    session = booking.session
    return _notice(
        "training_place_offered",
        to=booking.practitioner.email,
        subject=f"A place is available: {session.course.title}",
        recipient_name=booking.practitioner.full_name,
        lines=[
            f"A place has become free on the session you are waiting for ({_when(session)}).",
            "If you do not accept it in time, it is offered to the next person on the waiting list.",
        ],
        link=_booking_link(booking),
        action_text="Accept or decline the place",
        due_on=booking.offer_expires_on,
    )


def training_session_cancelled(*, booking, was_waiting) -> Email:
    """To everyone booked, offered a place or waiting when the business unit cancels a session."""
    session = booking.session
    where = "You were on its waiting list." if was_waiting else "Your place on it has been released."
    return _notice(
        "training_session_cancelled",
        to=booking.practitioner.email,
        subject=f"Session cancelled: {session.course.title} on {format_date(session.date)}",
        recipient_name=booking.practitioner.full_name,
        lines=[
            f"The session on {_when(session)} has been cancelled.",
            where,
            "You can book another session of this course from the training programme.",
        ],
        link=_booking_link(booking),
        action_text="See your booking",
    )


_STAGE_WORDS = {
    "before": ("Before your session: how confident do you feel?", "Tell us before the session"),
    "after": ("How was the session? Tell us what you learned", "Tell us about the session"),
    "follow_up": (
        "Six weeks on: what has changed in your practice? Complete this with your line manager",
        "Complete the follow-up with your line manager",
    ),
}


def training_evaluation_link(*, booking, stage) -> Email:
    """To a practitioner when an evaluation stage opens (before, straight after, 6–8 weeks later)."""
    line, action = _STAGE_WORDS[stage]
    return _notice(
        "training_evaluation_link",
        to=booking.practitioner.email,
        subject=f"Evaluation: {booking.session.course.title}",
        recipient_name=booking.practitioner.full_name,
        lines=[line, f"Session: {_when(booking.session)}"],
        link=site_url(reverse("workforce:evaluation", kwargs={"pk": booking.pk, "stage": stage})),
        action_text=action,
    )


def training_non_attendance(*, booking, manager_name, manager_email) -> Email:
    """To a practitioner's line manager, when the partnership chooses to tell managers of non-attendance."""
    session = booking.session
    return _notice(
        "training_non_attendance",
        to=manager_email,
        subject=f"Non-attendance at multi-agency training: {session.course.title}",
        recipient_name=manager_name or "line manager",
        lines=[
            f"{booking.practitioner.full_name} had a place on {session.course.title} on "
            f"{format_date(session.date)} and was recorded as: {booking.get_attendance_display().lower()}.",
            "Places on multi-agency training are limited; please talk to them about booking again.",
        ],
        link=site_url(reverse("workforce:course_list")),
        action_text="See the training programme",
    )


def practitioner_email_confirmation(*, email, name, link) -> Email:
    """To someone who registered as a practitioner: confirm the work email address (rendered by the
    worker with a fresh key, see practitioners.tasks)."""
    return _notice(
        "practitioner_email_confirmation",
        to=email,
        subject="Confirm your email address for multi-agency training",
        recipient_name=name,
        lines=[
            "You registered to book the partnership's multi-agency training.",
            "Confirm your work email address to sign in.",
        ],
        link=link,
        action_text="Confirm your email address",
    )
