"""The partnership's name on every page (the layout's caption, title and footer), kept in each process
for a minute rather than read on every page (core/kept.py, ADR 0025)."""

from typing import NamedTuple

from learningloop.core.kept import kept

from .models import Partnership


class Heading(NamedTuple):
    name: str
    short_name: str


def current_heading() -> Heading | None:
    """The partnership's name and short name, or None before one is set up."""

    def read():
        row = Partnership.objects.order_by("pk").values_list("name", "short_name").first()
        return Heading(*row) if row else None

    return kept("partnership-heading", read, models=[Partnership])


def partnership(request):
    return {"partnership": current_heading()}
