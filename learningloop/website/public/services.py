"""The one write of the public site: counting page views and downloads per item and month, without cookies,
without any address or fingerprint of the visitor and without any third-party service."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..models import MonthlyCount


def monthly_count_record(*, publication_id: int, download: bool = False, on: datetime.date | None = None):
    """Count one page view (or download) of an item in this month: one atomic increment of the item's row
    for the month. Nothing about the visitor is read or kept."""
    month = (on or timezone.localdate()).replace(day=1)
    column = "downloads" if download else "views"
    updated = MonthlyCount.objects.filter(publication_id=publication_id, month=month).update(
        **{column: F(column) + 1}
    )
    if updated:
        return
    try:
        with transaction.atomic():
            MonthlyCount.objects.create(publication_id=publication_id, month=month, **{column: 1})
    except IntegrityError:  # created by a simultaneous visit: count on that row
        MonthlyCount.objects.filter(publication_id=publication_id, month=month).update(
            **{column: F(column) + 1}
        )
