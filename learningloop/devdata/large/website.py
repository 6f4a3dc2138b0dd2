"""The large partnership's learning hub: every ready briefing and newsletter item and every published local
review goes through the real publishing service (after the recorded check), back-dated to
when it was ready, with page views and downloads for each month since."""

import datetime

from dateutil.relativedelta import relativedelta

from learningloop.core.policy import Role
from learningloop.dissemination.models import Briefing, BriefingKind, BriefingStatus
from learningloop.learning.models import CaseReview, ReviewDecision
from learningloop.website.models import MonthlyCount, Publication, PublicationCheck
from learningloop.website.publishing.services import publication_publish

from .common import Context, bulk


def _months(first: datetime.date, last: datetime.date):
    month = first.replace(day=1)
    while month <= last:
        yield month
        month += relativedelta(months=1)


def build_publications(ctx: Context) -> tuple[int, int]:
    by = ctx.user(Role.BU_ADMIN)
    items = []
    briefings = Briefing.objects.filter(status=BriefingStatus.READY).order_by("pk")
    reviews = CaseReview.objects.filter(decision=ReviewDecision.LOCAL_REVIEW, published_on__isnull=False)
    for kind, obj, when in [
        *(
            (
                "newsletter" if b.kind == BriefingKind.NEWSLETTER_ITEM else "learning_briefing",
                b,
                b.published_at,
            )
            for b in briefings
        ),
        *(("case_review", r, r.published_on) for r in reviews.order_by("pk")),
    ]:
        if Publication.objects.filter(kind=kind, source_id=obj.pk).exists():  # a second run (--force)
            continue
        moment = when if isinstance(when, datetime.datetime) else ctx.moment(when or ctx.today)
        item = publication_publish(
            kind_code=kind,
            source_id=obj.pk,
            by=by,
            no_child=True,
            no_family_member=True,
            no_practitioner=True,
        )
        # Back-dated to when it was ready: the history a partnership of many years has.
        keep = item.keep_until and moment.date() + relativedelta(months=12)
        Publication.objects.filter(pk=item.pk).update(published_at=moment, keep_until=keep)
        PublicationCheck.objects.filter(publication=item).update(checked_at=moment)
        item.published_at, item.keep_until = moment, keep
        items.append(item)
    counts = [
        MonthlyCount(
            publication=item,
            month=month,
            views=ctx.rng.randint(5, 400),
            downloads=ctx.rng.randint(0, 60),
        )
        for item in items
        for month in _months(item.published_at.date(), ctx.today)
    ]
    bulk(MonthlyCount, counts)
    return len(items), len(counts)
