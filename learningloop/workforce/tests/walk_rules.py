"""Authorisation walk rules for the training pages (workforce). The practitioner's pages refuse partnership
staff (403): they are about the signed-in practitioner's own bookings."""

from learningloop.core.tests.walk import Rule, Valid
from learningloop.workforce.models import Booking, Course, TrainingSettings

VIEW, MANAGE, REVIEW, OWN = "training.view", "training.manage", "training.review", "training.practitioner"


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


def _fresh(objects, key):
    obj = objects[key]
    obj.refresh_from_db()
    return obj


RULES = {
    "workforce:course_list": Rule(get=VIEW),
    "workforce:course_create": Rule(get=MANAGE, post=MANAGE),
    "workforce:course_detail": Rule(get=VIEW, kwargs=_pk("workforce_course")),
    "workforce:course_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("workforce_course_to_edit")),
    "workforce:session_create": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("workforce_course")),
    "workforce:session_detail": Rule(get=VIEW, kwargs=_pk("workforce_session")),
    "workforce:session_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("workforce_session_to_edit")),
    "workforce:session_cancel": Rule(get=None, post=MANAGE, kwargs=_pk("workforce_session_to_cancel")),
    "workforce:session_attendance": Rule(
        get="training.attendance", post="training.attendance", kwargs=_pk("workforce_past_session")
    ),
    "workforce:trainer_list": Rule(get=VIEW),
    "workforce:trainer_create": Rule(get=MANAGE, post=MANAGE),
    "workforce:trainer_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("workforce_trainer")),
    "workforce:domain_list": Rule(get=MANAGE, post=MANAGE),
    "workforce:settings_edit": Rule(get=MANAGE, post=MANAGE),
    "workforce:review": Rule(get=REVIEW),
    "workforce:review_docx": Rule(get=REVIEW, kwargs=lambda o: {"year": 2026}),
    "workforce:review_pdf": Rule(get=REVIEW, kwargs=lambda o: {"year": 2026}),
    "workforce:my_training": Rule(get=OWN),
    "workforce:booking_create": Rule(get=None, post=OWN, kwargs=_pk("workforce_bookable")),
    "workforce:booking_detail": Rule(get=OWN, kwargs=_pk("workforce_booking")),
    "workforce:booking_cancel": Rule(get=None, post=OWN, kwargs=_pk("workforce_booking_to_cancel")),
    "workforce:booking_accept": Rule(get=None, post=OWN, kwargs=_pk("workforce_offered")),
    "workforce:evaluation": Rule(
        get=OWN, post=OWN, kwargs=lambda o: {"pk": o["workforce_booking"].pk, "stage": "before"}
    ),
    "workforce:certificate": Rule(get=OWN, kwargs=_pk("workforce_attended")),
    "workforce:published_briefings": Rule(get=OWN),
    "workforce:published_briefing": Rule(get=OWN, kwargs=_pk("workforce_briefing")),
}

COURSE = {
    "title": "Walk course created",
    "level": "level_2",
    "format": "online",
    "duration_minutes": "120",
    "audience": "Everyone",
    "learning_outcomes": "Outcomes",
    "is_active": "on",
}


def _session_body(objects, **extra):
    date = objects["workforce_session"].date
    return {
        "date-day": date.day, "date-month": date.month, "date-year": date.year, "start_time": "10:00",
        "end_time": "12:00", "venue": "Walk venue", "capacity": "12", **extra,
    }  # fmt: skip


def _has_booking(objects):
    return Booking.objects.filter(
        session=objects["workforce_bookable"], practitioner=objects["practitioner"]
    ).exists()


VALID = {
    "workforce:course_create": Valid(
        data=lambda o: COURSE,
        changed=lambda o: Course.objects.filter(title="Walk course created").exists(),
    ),
    "workforce:course_edit": Valid(
        data=lambda o: {
            **COURSE,
            "title": "Walk course renamed",
            "version": _fresh(o, "workforce_course_to_edit").version,
        },
        changed=lambda o: _fresh(o, "workforce_course_to_edit").title == "Walk course renamed",
    ),
    "workforce:session_create": Valid(
        data=lambda o: _session_body(o, venue="Walk new venue"),
        changed=lambda o: o["workforce_course"].sessions.filter(venue="Walk new venue").exists(),
    ),
    "workforce:session_edit": Valid(
        data=lambda o: _session_body(
            o, capacity="33", version=_fresh(o, "workforce_session_to_edit").version
        ),
        changed=lambda o: _fresh(o, "workforce_session_to_edit").capacity == 33,
    ),
    "workforce:session_cancel": Valid(
        data=lambda o: {"version": _fresh(o, "workforce_session_to_cancel").version},
        changed=lambda o: _fresh(o, "workforce_session_to_cancel").status == "cancelled",
    ),
    "workforce:session_attendance": Valid(
        data=lambda o: {f"b{o['workforce_to_mark'].pk}": "did_not_attend"},
        changed=lambda o: _fresh(o, "workforce_to_mark").attendance == "did_not_attend",
    ),
    "workforce:trainer_create": Valid(
        data=lambda o: {"person": o["workforce_person_for_pool"].pk, "is_active": "on"},
        changed=lambda o: hasattr(_fresh(o, "workforce_person_for_pool"), "trainer"),
    ),
    "workforce:trainer_edit": Valid(
        data=lambda o: {
            "person": o["workforce_trainer"].person_id,
            "notes": "Walk notes",
            "is_active": "on",
            "version": _fresh(o, "workforce_trainer").version,
        },
        changed=lambda o: _fresh(o, "workforce_trainer").notes == "Walk notes",
    ),
    "workforce:domain_list": Valid(
        data=lambda o: {"domain": "walk.example.org", "agency": o["agency"].pk},
        changed=lambda o: o["agency"].email_domains.filter(domain="walk.example.org").exists(),
    ),
    "workforce:settings_edit": Valid(
        data=lambda o: {
            "cancellation_cutoff_working_days": "5",
            "offer_working_days": "2",
            "reminder_working_days": "2",
            "tell_manager_of_non_attendance": "on",
        },
        changed=lambda o: TrainingSettings.current().cancellation_cutoff_working_days == 5,
    ),
    "workforce:booking_create": Valid(data=lambda o: {}, changed=_has_booking),
    "workforce:booking_cancel": Valid(
        data=lambda o: {}, changed=lambda o: _fresh(o, "workforce_booking_to_cancel").status == "cancelled"
    ),
    "workforce:booking_accept": Valid(
        data=lambda o: {}, changed=lambda o: _fresh(o, "workforce_offered").status == "booked"
    ),
    "workforce:evaluation": Valid(
        data=lambda o: {"confidence": "2", "knowledge": "3"},
        changed=lambda o: o["workforce_booking"].evaluations.filter(stage="before").exists(),
    ),
}
