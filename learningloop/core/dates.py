"""Dates as GOV.UK style writes them: 5 January 2026, 2:30pm."""

import datetime

from django.utils import timezone


def format_date(value, missing="Not set"):
    if value is None or value == "":
        return missing
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return f"{value.day} {value:%B %Y}"


def format_datetime(value, missing="Not set"):
    if value is None:
        return missing
    local = timezone.localtime(value)
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    minutes = f":{local.minute:02d}" if local.minute else ""
    return f"{format_date(local)}, {hour}{minutes}{suffix}"
