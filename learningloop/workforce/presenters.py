"""Display values for the training pages: booking status tags and places left."""

from learningloop.core.presenters import StatusTag

from .models import Attendance, BookingStatus

_BOOKING_COLOURS = {
    BookingStatus.BOOKED: "green",
    BookingStatus.WAITING: "yellow",
    BookingStatus.OFFERED: "blue",
    BookingStatus.CANCELLED: "grey",
    BookingStatus.OFFER_LAPSED: "grey",
    BookingStatus.SESSION_CANCELLED: "grey",
}
_ATTENDANCE_COLOURS = {
    Attendance.ATTENDED: "green",
    Attendance.LATE_CANCELLATION: "orange",
    Attendance.DID_NOT_ATTEND: "red",
}


def booking_tag(booking) -> StatusTag:
    if booking.attendance:
        return StatusTag(
            booking.get_attendance_display(), _ATTENDANCE_COLOURS[booking.attendance], key=booking.attendance
        )
    hint = ""
    if booking.status == BookingStatus.OFFERED and booking.offer_expires_on:
        hint = f"Accept by {booking.offer_expires_on.day} {booking.offer_expires_on:%B %Y}"
    return StatusTag(
        booking.get_status_display(), _BOOKING_COLOURS[booking.status], hint=hint, key=booking.status
    )


def places_left(session) -> str:
    left = session.capacity - session.booked_count
    if left > 0:
        return f"{left} place{'s' if left != 1 else ''} left"
    waiting = session.waiting_count
    return f"Full ({waiting} waiting)" if waiting else "Full: join the waiting list"
