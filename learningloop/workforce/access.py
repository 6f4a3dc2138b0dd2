"""Who may open the training pages: partnership staff read the programme (training.view), practitioners
read it too (training.practitioner); the business unit runs it; a session's own trainers may mark its
attendance."""

from django.core.exceptions import PermissionDenied

from learningloop.core.policy import can

from .models import Booking


def may_browse(user) -> bool:
    return can(user, "training.view") or can(user, "training.practitioner")


def require_browse(request):
    if not may_browse(request.user):
        raise PermissionDenied


def is_practitioner(user) -> bool:
    return can(user, "training.practitioner")


def may_mark_attendance(user, session) -> bool:
    """The business unit, or one of the session's own trainers (a partnership person linked to the user)."""
    if can(user, "training.attendance"):
        return True
    person_id = getattr(getattr(user, "person", None), "pk", None) if user.is_authenticated else None
    return bool(person_id) and session.trainers.filter(person_id=person_id).exists()


def own_booking(request, pk):
    """A practitioner's own booking (another's is not found: 404)."""
    from django.shortcuts import get_object_or_404

    if not is_practitioner(request.user):
        raise PermissionDenied
    return get_object_or_404(
        Booking.objects.visible_to(request.user).select_related("session__course", "practitioner"), pk=pk
    )
