"""The public reach of published items, for the learning trail (core.publishing.register_reach): views and
downloads of every live or retired publication that carries the key message."""

from django.db.models import Sum
from django.urls import reverse

from learningloop.core import publishing

from ..models import Publication


def reach_for(key_message_id: int) -> list[publishing.ReachLine]:
    lines = []
    rows = Publication.objects.annotate(v=Sum("counts__views"), d=Sum("counts__downloads")).order_by(
        "published_at"
    )
    for publication in rows:
        if key_message_id in (publication.key_message_ids or []):
            url = reverse("website:publication", kwargs={"slug": publication.slug})
            lines.append(publishing.ReachLine(publication.title, publication.v or 0, publication.d or 0, url))
    return lines


def register():
    publishing.register_reach(reach_for)
