"""Writes for the training programme: courses, sessions, the training pool, email domains, settings."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from learningloop.core.concurrency import claim_version

from ..models import AgencyEmailDomain, SessionStatus


@transaction.atomic
def course_create(*, form):
    course = form.instance
    course.full_clean()
    form.save()
    return course


@transaction.atomic
def record_edit(*, form):
    """Save an edit form of a versioned record (course, session, trainer, settings) after claiming its
    version (someone else's save since the form opened raises EditConflict)."""
    claim_version(form.instance, form.cleaned_data.get("version"))
    form.instance.full_clean()
    return form.save()


@transaction.atomic
def session_create(*, form, course):
    form.instance.course = course
    form.instance.full_clean()
    return form.save()


@transaction.atomic
def trainer_create(*, form):
    form.instance.full_clean()
    return form.save()


@transaction.atomic
def session_cancel(*, session, expected_version):
    claim_version(session, expected_version)
    session.status = SessionStatus.CANCELLED
    session.save(update_fields=["status"])
    return session


def domain_add(*, domain: str, agency, by) -> AgencyEmailDomain:
    """The business unit approves a work email domain for an agency's practitioners."""
    row = AgencyEmailDomain(
        domain=domain, agency=agency, added_by=by if getattr(by, "is_authenticated", False) else None
    )
    if AgencyEmailDomain.objects.filter(domain__iexact=domain).exists():
        raise ValidationError({"domain": "This domain is already known"})
    row.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        raise ValidationError({"domain": "This domain is already known"}) from None
    return row
