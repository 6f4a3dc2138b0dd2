"""Demo training programme: six courses carrying key messages, a training pool from partner agencies, a
year's sessions (nine months past, three to come), practitioners from the police and health with bookings,
waiting lists, an offered place, cancellations, attendance and evaluations at every stage, approved email
domains, and a practitioner demo login. Fictional content only.

Safe to repeat: nothing is added once the demo courses exist."""

import datetime
import random

from allauth.account.models import EmailAddress
from django.utils import timezone

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.learning.models import KeyMessage
from learningloop.partnership.models import Agency, Partnership, Person
from learningloop.workforce.models import (
    AgencyEmailDomain,
    Attendance,
    Booking,
    BookingStatus,
    Course,
    CourseFormat,
    CourseLevel,
    CourseRequest,
    Evaluation,
    EvaluationStage,
    PractitionerProfile,
    Trainer,
    TrainingSession,
    TrainingSettings,
)
from learningloop.workforce.tallies import session_tallies_update

from . import partnership as demo

PRACTITIONER_EMAIL = "practitioner@police.example.org"
DOMAINS = {demo.WMP: "police.example.org", demo.ICB: "nhs.example.org", demo.CSC: "council.example.org"}
COURSES = [
    ("Working together to safeguard children", CourseLevel.LEVEL_1, CourseFormat.E_LEARNING, 90),
    ("Neglect: seeing the child", CourseLevel.LEVEL_2, CourseFormat.IN_PERSON, 180),
    ("Professional curiosity and challenge", CourseLevel.LEVEL_2, CourseFormat.ONLINE, 150),
    ("Child exploitation and contextual safeguarding", CourseLevel.LEVEL_3, CourseFormat.IN_PERSON, 360),
    ("Domestic abuse and its impact on children", CourseLevel.LEVEL_2, CourseFormat.ONLINE, 180),
    ("Escalation and resolving professional differences", CourseLevel.LEVEL_3, CourseFormat.IN_PERSON, 120),
]
TRAINERS = ["Grace Bennett", "Fiona Walsh", "Jack Morris"]
FIRST = ["Sam", "Alex", "Jordan", "Priya", "Tom", "Aisha", "Ben", "Chloe", "Dev", "Ella", "Femi", "Gina"]
LAST = ["Patel", "Jones", "Smith", "Khan", "Brown", "Evans", "Wilson", "Taylor", "Ahmed", "Clarke"]


def demo_logins():
    """(email, role, agency) of the practitioner demo login, for the printed table of logins."""
    user = User.objects.filter(email=PRACTITIONER_EMAIL).select_related("agency").first()
    return [(user.email, Role.PRACTITIONER, user.agency.display_name if user.agency else "–")] if user else []


def _practitioner(email, name, agency, job):
    user = User.objects.create_user(
        email, demo.DEMO_PASSWORD, full_name=name, agency=agency, roles=[Role.PRACTITIONER]
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    PractitionerProfile.objects.create(
        user=user, job_title=job, manager_name="Morgan Lee", manager_email=f"morgan.lee@{email.split('@')[1]}"
    )
    return user


def seed(stdout=None):
    if Course.objects.filter(title=COURSES[0][0]).exists():
        return 0
    rng = random.Random(10)
    today = timezone.localdate()
    agencies = {a.name: a for a in Agency.objects.filter(name__in=list(DOMAINS))}
    partnership = Partnership.current()
    if partnership and not TrainingSettings.objects.exists():
        TrainingSettings.objects.create(partnership=partnership)
    for name, domain in DOMAINS.items():
        if name in agencies:
            AgencyEmailDomain.objects.get_or_create(domain=domain, defaults={"agency": agencies[name]})
    messages = list(KeyMessage.objects.order_by("pk")[:12])
    courses = []
    for i, (title, level, fmt, minutes) in enumerate(COURSES):
        course = Course.objects.create(
            title=title, level=level, format=fmt, duration_minutes=minutes,
            audience="Practitioners and first-line managers in every agency",
            learning_outcomes="Recognise the signs; know what to do and whom to tell; record and share well.",
        )  # fmt: skip
        course.key_messages.set(messages[i * 2 : i * 2 + 2])
        courses.append(course)
    trainers = []
    for person in Person.objects.filter(full_name__in=TRAINERS):
        trainer = Trainer.objects.create(person=person)
        trainer.courses.set(courses[:4])
        trainers.append(trainer)
    people = []
    for n in range(36):
        agency_name = list(DOMAINS)[n % 3]
        if agency_name not in agencies:
            continue
        name = f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]}"
        email = (
            PRACTITIONER_EMAIL if n == 0 else f"{name.lower().replace(' ', '.')}{n}@{DOMAINS[agency_name]}"
        )
        people.append(
            _practitioner(email, "Sam Patel" if n == 0 else name, agencies[agency_name], "Practitioner")
        )
    if not people:
        return 0
    sessions = []
    for week in range(-39, 13, 2):
        day = today + datetime.timedelta(weeks=week)
        day -= datetime.timedelta(days=day.weekday())  # Mondays
        course = courses[(week + 39) // 2 % len(courses)]
        sessions.append(
            TrainingSession.objects.create(
                course=course,
                date=day + datetime.timedelta(days=1),
                start_time=datetime.time(9, 30),
                end_time=datetime.time(12, 30),
                capacity=8,
                venue="" if course.format != CourseFormat.IN_PERSON else "Council House, Committee Room 2",
                joining_link="https://meet.example.org/training"
                if course.format != CourseFormat.IN_PERSON
                else "",
                joining_instructions="Please arrive ten minutes early. Bring a recent case to reflect on.",
            )  # fmt: skip
        )
        if trainers:
            sessions[-1].trainers.add(trainers[week % len(trainers)])
    added = 0
    for index, session in enumerate(sessions):
        chosen = rng.sample(people, 10)
        past = session.date < today
        for position, person in enumerate(chosen):
            status = BookingStatus.BOOKED if position < 8 else BookingStatus.WAITING
            if position == 7 and index % 4 == 0:
                status = BookingStatus.CANCELLED
            booking = Booking(session=session, practitioner=person, status=status,
                              joined_at=timezone.now() - datetime.timedelta(days=30 - position))  # fmt: skip
            if not past and position == 8 and index % 5 == 0:
                booking.status = BookingStatus.OFFERED
                booking.offered_at = timezone.now()
                booking.offer_expires_on = min(
                    session.date - datetime.timedelta(days=1), today + datetime.timedelta(days=2)
                )
            if past and status == BookingStatus.BOOKED:
                booking.attendance = rng.choices(
                    [Attendance.ATTENDED, Attendance.DID_NOT_ATTEND, Attendance.LATE_CANCELLATION], [8, 1, 1]
                )[0]
            booking.save()
            added += 1
            _evaluate(rng, booking, today)
    # The demo practitioner always has something coming up and a certificate to download.
    me = people[0]
    upcoming = [s for s in sessions if s.date > today]
    if upcoming and not Booking.objects.filter(session=upcoming[0], practitioner=me).exists():
        Booking.objects.create(session=upcoming[0], practitioner=me, status=BookingStatus.BOOKED)
    # Written past the services, so the sessions are counted once here (ADR 0043).
    session_tallies_update(session_ids=[s.pk for s in sessions])
    CourseRequest.objects.create(title="Safeguarding disabled children", agency=agencies.get(demo.ICB),
                                 reason="Asked for at the health safeguarding forum")  # fmt: skip
    if stdout:
        stdout.write(f"Training: {len(courses)} courses, {len(sessions)} sessions, {added} bookings")
    return added


def _evaluate(rng, booking, today):
    if booking.status != BookingStatus.BOOKED:
        return
    before = rng.randint(1, 3)
    Evaluation.objects.create(
        booking=booking, stage=EvaluationStage.BEFORE, confidence=before, knowledge=before
    )
    if booking.attendance != Attendance.ATTENDED or rng.random() < 0.15:
        return
    after = min(5, before + rng.randint(0, 2))
    Evaluation.objects.create(
        booking=booking, stage=EvaluationStage.AFTER, confidence=after, knowledge=after,
        learned="How to use the escalation policy and whom to call",
    )  # fmt: skip
    if (today - booking.session.date).days >= 42 and rng.random() < 0.7:
        changed = rng.random() < 0.65
        Evaluation.objects.create(
            booking=booking, stage=EvaluationStage.FOLLOW_UP, practice_changed=changed,
            practice_change="I record the child's lived experience in every assessment" if changed else "",
            line_manager_name="Morgan Lee",
        )  # fmt: skip
