"""The partnership's name on every page (the layout's caption, title and footer).

Every page showed it by reading the partnership, one statement a page (about a millisecond on PostgreSQL,
where a list page runs five to ten). The name is kept in each process for a minute instead: it is changed
perhaps once in an installation's life, a save in this process forgets it at once (signals below), and
the other app servers show the new name within NAME_KEPT_SECONDS (ADR 0025)."""

import time
from typing import NamedTuple

from django.db.models.signals import post_delete, post_save

from .models import Partnership

NAME_KEPT_SECONDS = 60


class Heading(NamedTuple):
    name: str
    short_name: str


_kept: dict[str, tuple[float, Heading | None]] = {}


def current_heading() -> Heading | None:
    """The partnership's name and short name, or None before one is set up."""
    now = time.monotonic()
    kept = _kept.get("heading")
    if kept is not None and kept[0] > now:
        return kept[1]
    row = Partnership.objects.order_by("pk").values_list("name", "short_name").first()
    heading = Heading(*row) if row else None
    _kept["heading"] = (now + NAME_KEPT_SECONDS, heading)
    return heading


def forget_heading(**kwargs):
    _kept.clear()


post_save.connect(forget_heading, sender=Partnership, dispatch_uid="partnership-heading-saved")
post_delete.connect(forget_heading, sender=Partnership, dispatch_uid="partnership-heading-deleted")


def partnership(request):
    return {"partnership": current_heading()}
