"""Signing out after a period without activity (SESSION_IDLE_TIMEOUT_MINUTES, ADR 0013).

The server decides: every request of a signed-in user records the time in the session (at most once a
minute, to spare a write per page); a request that comes later than the timeout after the last one signs
the user out. The browser only warns (accounts/static/accounts/session-timeout.js): two minutes before,
a dialog offers "Stay signed in", which posts to the keep-alive URL."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

LAST_ACTIVITY_KEY = "learningloop_last_activity"
WARNING_SECONDS = 2 * 60
# Recording activity at most this often keeps the session from being written on every page.
RECORD_EVERY_SECONDS = 60


@dataclass(frozen=True)
class IdleState:
    seconds_left: int
    warning_seconds: int
    timeout_minutes: int


def timeout_seconds() -> int:
    return settings.SESSION_IDLE_TIMEOUT_MINUTES * 60


def signed_out_message() -> str:
    minutes = settings.SESSION_IDLE_TIMEOUT_MINUTES
    return f"You were signed out after {minutes} minute{'s' if minutes != 1 else ''} without activity."


def has_expired(session, now: float) -> bool:
    last = session.get(LAST_ACTIVITY_KEY)
    return isinstance(last, (int, float)) and now - last > timeout_seconds()


def record_activity(session, now: float, *, always: bool = False) -> IdleState:
    last = session.get(LAST_ACTIVITY_KEY)
    if always or not isinstance(last, (int, float)) or now - last >= RECORD_EVERY_SECONDS:
        session[LAST_ACTIVITY_KEY] = last = now
    return IdleState(
        seconds_left=max(0, int(timeout_seconds() - (now - last))),
        warning_seconds=min(WARNING_SECONDS, timeout_seconds() // 2),
        timeout_minutes=settings.SESSION_IDLE_TIMEOUT_MINUTES,
    )


@receiver(user_logged_in)
def _signing_in_is_activity(sender, request=None, **kwargs):
    if request is not None and hasattr(request, "session"):
        record_activity(request.session, time.time(), always=True)
