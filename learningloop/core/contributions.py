"""The agency contribution scorecard's figures (seed 1.3 made measurable): each area registers how it
measures an agency's contribution (data on time, embedding responses on time, actions completed on time;
later Section 11 returns, LDG attendance, trainers provided) from its AppConfig.ready(). Core imports no
domain app: the scorecard pages read only this registry.

    contributions.register(Figure(key="impact.data_on_time", label="Data returns on time", order=10,
                                  counts=lambda agency_ids, today: {agency_id: (on_time, due)},
                                  link=lambda agency: url of the rows behind the figure))
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    order: int
    counts: Callable  # (agency_ids, today) -> {agency_id: (met, of)}, a fixed number of queries
    link: Callable  # (agency) -> the URL of the rows behind the figure
    hint: str = ""
    # A count rather than a share (trainers provided): counts gives {agency_id: (n, 0)} and the cell shows
    # "n <unit>" instead of a percentage.
    unit: str = ""
    unit_one: str = ""  # the unit after exactly 1 ("session this year"); any other count takes `unit`

    def unit_for(self, n: int) -> str:
        return self.unit_one if n == 1 and self.unit_one else self.unit


_FIGURES: dict[str, Figure] = {}


def register(figure: Figure) -> None:
    _FIGURES[figure.key] = figure


def figures() -> list[Figure]:
    return sorted(_FIGURES.values(), key=lambda f: (f.order, f.key))


def percent(met: int, of: int) -> int | None:
    """Whole per cent, rounded half up; None when nothing was due."""
    return None if not of else (200 * met + of) // (2 * of)
