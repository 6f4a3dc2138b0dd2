"""Workforce development at scale: 40 courses carrying accepted key messages, a training pool of about 120
trainers from the agencies, about 4,000 practitioners, and each year 1,000 sessions with 8,000 attendances
and their evaluations (before, after and, for most, the follow-up), all with bulk_create; then every
session's tallies counted with one GROUP BY (ADR 0043)."""

import datetime

from django.contrib.auth.hashers import make_password

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.workforce.models import (
    Attendance,
    Booking,
    BookingStatus,
    Course,
    CourseFormat,
    CourseLevel,
    Evaluation,
    EvaluationStage,
    Trainer,
    TrainingSession,
)
from learningloop.workforce.tallies import session_tallies_update

from .common import EMAIL_DOMAIN, Context, bulk
from .words import TOPICS

STAGES_BEFORE_AFTER = (EvaluationStage.BEFORE, EvaluationStage.AFTER)


def build_training(ctx: Context) -> tuple[int, int, int, int]:
    rng = ctx.rng
    already = Course.objects.count()  # a second run (--force) adds courses with new titles
    courses = bulk(
        Course,
        [
            Course(
                title=f"{TOPICS[i % len(TOPICS)]} (course {already + i + 1})",
                level=rng.choice(CourseLevel.values),
                format=rng.choice(CourseFormat.values),
                duration_minutes=rng.choice([90, 120, 180, 360]),
                audience="Practitioners in every agency",
                learning_outcomes="Recognise, respond, record and refer.",
            )
            for i in range(ctx.n(40, minimum=3))
        ],
    )
    through = Course.key_messages.through
    messages = ctx.accepted_messages
    if messages:
        bulk(through, [through(course_id=c.pk, keymessage_id=rng.choice(messages).pk) for c in courses])
    people = [p for p in ctx.people if ctx.bu is None or p.agency_id != ctx.bu.pk]
    trainers = bulk(
        Trainer, [Trainer(person_id=p.pk) for p in rng.sample(people, min(len(people), ctx.n(120)))]
    )
    password = make_password(ctx.password)
    agencies = ctx.agencies or ([ctx.bu] if ctx.bu else [])
    offset = User.objects.filter(email__startswith="practitioner", email__endswith="@" + EMAIL_DOMAIN).count()
    practitioners = bulk(
        User,
        [
            User(
                email=f"practitioner{offset + i}@{EMAIL_DOMAIN}",
                full_name=f"Practitioner {i}",
                agency_id=rng.choice(agencies).pk if agencies else None,
                roles=[Role.PRACTITIONER],
                password=password,
            )
            for i in range(ctx.n(4000, minimum=10))
        ],
    )
    practitioners = list(User.objects.filter(email__in=[u.email for u in practitioners]).only("pk"))
    sessions, session_count, booking_count, evaluation_count = [], 0, 0, 0
    for first, last in ctx.year_spans():
        year_sessions = bulk(
            TrainingSession,
            [
                TrainingSession(
                    course_id=rng.choice(courses).pk,
                    date=ctx.day_between(first, last),
                    start_time=datetime.time(9, 30),
                    end_time=datetime.time(12, 30),
                    venue="Training centre",
                    capacity=10,
                )
                for _ in range(ctx.n(1000))
            ],
        )
        session_count += len(year_sessions)
        sessions += year_sessions
        pool_through = TrainingSession.trainers.through
        if trainers:
            bulk(
                pool_through,
                [
                    pool_through(trainingsession_id=s.pk, trainer_id=rng.choice(trainers).pk)
                    for s in year_sessions
                ],
            )
        bookings = []
        for session in year_sessions:
            for person in rng.sample(practitioners, min(len(practitioners), 8)):
                bookings.append(
                    Booking(
                        session_id=session.pk,
                        practitioner_id=person.pk,
                        status=BookingStatus.BOOKED,
                        attendance=rng.choices(list(Attendance.values), [85, 7, 8])[0]
                        if session.date < ctx.today
                        else "",
                    )
                )
        bookings = bulk(Booking, bookings)
        booking_count += len(bookings)
        evaluations = []
        for booking in bookings:
            before = rng.randint(1, 4)
            evaluations.append(
                Evaluation(
                    booking_id=booking.pk, stage=EvaluationStage.BEFORE, confidence=before, knowledge=before
                )
            )
            if booking.attendance == Attendance.ATTENDED:
                after = min(5, before + rng.randint(0, 2))
                evaluations.append(
                    Evaluation(
                        booking_id=booking.pk,
                        stage=EvaluationStage.AFTER,
                        confidence=after,
                        knowledge=after,
                        learned="What to do next",
                    )
                )
                if rng.random() < 0.6:
                    evaluations.append(
                        Evaluation(
                            booking_id=booking.pk,
                            stage=EvaluationStage.FOLLOW_UP,
                            practice_changed=rng.random() < 0.6,
                        )
                    )
        evaluation_count += len(bulk(Evaluation, evaluations))
    session_tallies_update()  # written past the services: every session counted once, one GROUP BY
    return session_count, booking_count, evaluation_count, len(practitioners)
