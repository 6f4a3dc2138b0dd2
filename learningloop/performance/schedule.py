"""The impact area's part of the daily reminders run (core.reminders.register_daily_run): the deadlines
each provider agency owes for the coming periods are added each morning, so they appear up to
services.LOOK_AHEAD ahead without anyone saving an indicator; the data return reminders then go out
through the deadline kind as usual."""


def run_data_dues(today) -> int:
    """Add the coming periods' data return deadlines; sends no email itself (returns 0 emails sent)."""
    from .services import data_dues_create_for_all_indicators

    data_dues_create_for_all_indicators(today=today)
    return 0


def run_computed_values(today) -> int:
    """Write the finished periods' computed values (core.computed_indicators); sends no email."""
    from .services import computed_values_record

    computed_values_record(today=today)
    return 0
