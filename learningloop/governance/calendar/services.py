"""Writes for calendar feeds: make or reset a user's secret feed address."""

from django.db import transaction

from ..models import CalendarFeed
from ..models.meetings import new_feed_token


@transaction.atomic
def calendar_feed_reset(*, user) -> CalendarFeed:
    """A new secret address: the old one stops working at once."""
    feed, created = CalendarFeed.objects.get_or_create(user=user)
    if not created:
        feed.token = new_feed_token()
        feed.save(update_fields=["token"])
    return feed
