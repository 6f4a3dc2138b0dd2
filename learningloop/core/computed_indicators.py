"""Indicator values the system itself computes (ADR 0031): an area whose records already hold a measure
(the training programme's fill rate, non-attendance, change in confidence, change in practice) registers a
source for an indicator code from its AppConfig.ready(); the impact area's daily run (and its "work out
computed values" service) writes each finished period's reading as the partnership's value of the
indicator with that code, so it shows, is rated and feeds evidence like any submitted value. Core imports
no domain app; the area with the data never imports the impact area.

    computed_indicators.register(Source(code="m38", label="the training programme's places filled",
                                        read=lambda start, end: Reading(numerator=..., denominator=...)))
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Reading:
    """A period's reading: numerator and denominator (for a percentage or rate), or the value itself."""

    value: Decimal | float | None = None
    numerator: int | Decimal | None = None
    denominator: int | Decimal | None = None


@dataclass(frozen=True)
class Source:
    code: str  # the indicator's code (Indicator.code) the readings fill
    label: str  # where the values come from, shown as the value's commentary
    read: Callable  # (period_start, period_end) -> Reading, or None when there is nothing to count


_SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    _SOURCES[source.code] = source


def sources() -> dict[str, Source]:
    return dict(_SOURCES)
