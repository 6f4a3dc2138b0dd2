"""Demo publications on the public learning hub: a published case review (with information about the
improvements made), two learning briefings, a newsletter, the framework and two groups' terms of reference;
one briefing ready but left unpublished, and one published and then retired (its record kept).

Every item is published through the real service, after the recorded check, by the demo publisher (the
partnership's communications officer). Safe to repeat: an item already published (or retired) is left
alone. Relies on the learning reviews and briefings demo data."""

from django.utils import timezone

from learningloop.accounts.models import User
from learningloop.dissemination.models import Briefing, BriefingKind, BriefingStatus
from learningloop.learning.models import CaseReview, KeyMessage
from learningloop.partnership.models import Group, Partnership
from learningloop.website.models import Publication
from learningloop.website.public.services import monthly_count_record
from learningloop.website.publishing.services import publication_publish, publication_retire

PUBLISHED_REVIEW = "Child safeguarding practice review: Child D"
IMPROVEMENTS = (
    "Health visitors now repeat safe sleep advice at every contact, and the partnership's safe sleep "
    "assessment is used by midwifery, health visiting and children's social care alike."
)

BRIEFINGS = [
    {
        "kind": BriefingKind.LEARNING_BRIEFING,
        "title": "Learning briefing: safe sleep in busy households",
        "background": "<p>Reviews found that safe sleep advice was given once and not repeated when a "
        "household changed.</p>",
        "what_to_do": "<ul><li>Repeat safe sleep advice at every contact.</li><li>Ask where the baby sleeps "
        "tonight, not in general.</li></ul>",
        "publish": True,
    },
    {
        "kind": BriefingKind.NEWSLETTER_ITEM,
        "title": "Partnership newsletter: spring learning round-up",
        "background": "<p>What the partnership learned this season and where to find the briefings.</p>",
        "publish": True,
    },
    {
        "kind": BriefingKind.LEARNING_BRIEFING,
        "title": "Learning briefing: bruising in babies who are not yet mobile",
        "background": "<p>A draft of the partnership's bruising protocol briefing, ready but waiting for "
        "the protocol's sign-off.</p>",
        "publish": False,  # ready for publication, deliberately left unpublished
    },
    {
        "kind": BriefingKind.SEVEN_MINUTE,
        "title": "7-minute briefing: the old escalation policy",
        "background": "<p>The escalation policy as it stood before the 2025 revision.</p>",
        "publish": True,
        "retire": "Replaced by the revised escalation policy",
    },
]
# Also published: the briefings demo's ready 7-minute briefing (the second learning briefing).
EXISTING_BRIEFING = "7-minute briefing: chronologies and escalation in neglect cases"
TERMS_OF_REFERENCE = ["Learning and Development Group", "Assurance and Review Group"]


def _published(kind, pk):
    return Publication.objects.filter(kind=kind, source_id=pk).exists()


def _publish(kind, obj, by, **extra):
    if obj is None or _published(kind, obj.pk):
        return None
    return publication_publish(
        kind_code=kind,
        source_id=obj.pk,
        by=by,
        no_child=True,
        no_family_member=True,
        no_practitioner=True,
        **extra,
    )


def _briefing(spec):
    briefing = Briefing.objects.filter(title=spec["title"]).first()
    if briefing is None:
        fields = {k: v for k, v in spec.items() if k not in ("publish", "retire")}
        briefing = Briefing.objects.create(status=BriefingStatus.READY, **fields)
        message = KeyMessage.objects.order_by("pk").first()
        if message is not None:
            briefing.key_messages.set([message])
    return briefing


def seed(stdout=None) -> int:
    # The communications officer publishes (the Publisher role); the administrator could too.
    by = (
        User.objects.filter(email__in=["publisher@example.org", "admin@example.org"])
        .order_by("-email")
        .first()
    )
    if by is None:
        return 0
    added = []
    review = CaseReview.objects.filter(activity__title=PUBLISHED_REVIEW).first()
    added.append(_publish("case_review", review, by, notes=IMPROVEMENTS))
    existing = Briefing.objects.filter(title=EXISTING_BRIEFING, status=BriefingStatus.READY).first()
    added.append(_publish("learning_briefing", existing, by))
    for spec in BRIEFINGS:
        briefing = _briefing(spec)
        if not spec["publish"]:
            continue
        kind = "newsletter" if spec["kind"] == BriefingKind.NEWSLETTER_ITEM else "learning_briefing"
        item = _publish(kind, briefing, by)
        added.append(item)
        if item is not None and spec.get("retire"):
            publication_retire(publication=item, by=by, reason=spec["retire"])
    added.append(_publish("framework", Partnership.current(), by))
    for name in TERMS_OF_REFERENCE:
        added.append(_publish("terms_of_reference", Group.objects.filter(name=name).first(), by))
    # A few page views this month, so the website statistics have something to show.
    for n, item in enumerate(i for i in added if i is not None and i.status == "published"):
        for _ in range(3 + 2 * n):
            monthly_count_record(publication_id=item.pk, on=timezone.localdate())
    count = sum(1 for item in added if item is not None)
    if stdout is not None:
        stdout.write(f"Learning hub: {count} items published")
    return count
