"""The public reach of published items, for the learning trail (core.publishing.register_reach): views and
downloads of every live or retired publication that carries the key message."""

from django.db.models import Sum
from django.urls import reverse

from learningloop.core import publishing

from ..models import Publication


def reach_for(key_message_id: int) -> list[publishing.ReachLine]:
    # Which publications carry it, from their list of key messages alone (a JSON list, which SQLite cannot
    # search in SQL); then the views and downloads of those only. Summing every publication's monthly
    # counts to keep a few was most of the learning trail's SQL after ten years of a partnership.
    carrying = [
        pk
        for pk, carried in Publication.objects.values_list("pk", "key_message_ids")
        if key_message_id in (carried or [])
    ]
    if not carrying:
        return []
    rows = (
        Publication.objects.filter(pk__in=carrying)
        .annotate(v=Sum("counts__views"), d=Sum("counts__downloads"))
        .order_by("published_at")
        .values_list("title", "slug", "v", "d")
    )
    return [
        publishing.ReachLine(
            title, views or 0, downloads or 0, reverse("website:publication", kwargs={"slug": slug})
        )
        for title, slug, views, downloads in rows
    ]


def register():
    publishing.register_reach(reach_for)
