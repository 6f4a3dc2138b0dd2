"""The publishable kinds of the areas that were built before the hub (core.publishing registry): published
case reviews, learning briefings and 7-minute briefings, newsletters, groups' terms of reference and the
framework. Each names the allow-list of fields its snapshot may read; nothing else can be read (a child's
details, monitoring notes, the reviewer, the Panel's response, members of groups are never in a list).
Areas built later register their own kinds from their AppConfig.ready()."""

from django.db.models import Prefetch
from django.utils.html import escape, linebreaks

from learningloop.core import publishing
from learningloop.core.publishing import PublicSection, PublishableKind, Snapshot
from learningloop.dissemination.briefings.services import safe_html
from learningloop.dissemination.models import Briefing, BriefingKind, BriefingStatus
from learningloop.learning.models import CaseReview, Finding, ReviewDecision
from learningloop.learning.services import case_review_save
from learningloop.partnership.models import Group, Partnership

BRIEFING_SECTIONS = (
    ("background", "Background"),
    ("why_it_matters", "Why it matters"),
    ("key_information", "Key information"),
    ("things_to_remember", "Things to remember"),
    ("what_to_do", "What to do"),
    ("reflective_questions", "Reflective questions"),
)


def text_html(value) -> str:
    return linebreaks(escape(value or "")) if (value or "").strip() else ""


def _unique(values):
    return tuple(dict.fromkeys(v for v in values if v))


# --- Case reviews -----------------------------------------------------------------------------------------

REVIEW_FIELDS = (
    "activity.title",
    "activity.description",
    "get_kind_display",
    "activity.findings.text",
    "activity.findings.recommendations",
    "activity.findings.themes.name",
    "activity.summaries.key_messages.pk",
)


def review_candidates():
    findings = Finding.objects.prefetch_related("themes").order_by("pk")
    return (
        CaseReview.objects.filter(decision=ReviewDecision.LOCAL_REVIEW)
        .select_related("activity")
        .prefetch_related(
            Prefetch("activity__findings", queryset=findings), "activity__summaries__key_messages"
        )
    )


def review_snapshot(read) -> Snapshot:
    sections = []
    findings = [f for f in read("activity.findings.text") if f]
    if findings:
        sections.append(PublicSection("What the review found", "".join(text_html(f) for f in findings)))
    recommendations = [r for r in read("activity.findings.recommendations") if r]
    if recommendations:
        sections.append(PublicSection("Recommendations", "".join(text_html(r) for r in recommendations)))
    return Snapshot(
        title=read("activity.title"),
        summary=read("activity.description") or read("get_kind_display"),
        sections=tuple(sections),
        themes=_unique(read("activity.findings.themes.name")),
        key_message_ids=_unique(read("activity.summaries.key_messages.pk")),
    )


def review_published(review, on, by):
    """Publishing fills in the case review's publication milestone (its date published)."""
    if review.published_on is None:
        review.published_on = on
        case_review_save(review=review)


# --- Briefings and newsletters ----------------------------------------------------------------------------

BRIEFING_FIELDS = (
    "title",
    "get_kind_display",
    *(name for name, _ in BRIEFING_SECTIONS),
    "key_messages.pk",
    "key_messages.findings.themes.name",
)


def _briefings(kinds):
    return (
        Briefing.objects.filter(status=BriefingStatus.READY, kind__in=kinds)
        .prefetch_related("key_messages__findings__themes")
        .order_by("title", "pk")
    )


def briefing_snapshot(read) -> Snapshot:
    sections = []
    for name, heading in BRIEFING_SECTIONS:
        html = str(safe_html(read(name)))
        if html.strip():
            sections.append(PublicSection(heading, html))
    return Snapshot(
        title=read("title"),
        sections=tuple(sections),
        themes=_unique(read("key_messages.findings.themes.name")),
        key_message_ids=_unique(read("key_messages.pk")),
        kind_label=read("get_kind_display"),
    )


def briefing_published(briefing, on, by):
    if briefing.published_at is None:
        from django.utils import timezone

        Briefing.objects.filter(pk=briefing.pk, published_at__isnull=True).update(published_at=timezone.now())


# --- Terms of reference and the framework -----------------------------------------------------------------

GROUP_FIELDS = (
    "name",
    "purpose",
    "accountable_to.name",
    "meeting_frequency",
    "get_quorum_rule_display",
    "terms_approved_on",
    "terms_review_due",
)


def group_snapshot(read) -> Snapshot:
    rows = [
        ("Accountable to", read("accountable_to.name")),
        ("Meets", read("meeting_frequency")),
        ("Quorum", read("get_quorum_rule_display")),
        ("Terms approved on", read("terms_approved_on") and f"{read('terms_approved_on'):%-d %B %Y}"),
        ("Next review", read("terms_review_due") and f"{read('terms_review_due'):%-d %B %Y}"),
    ]
    sections = [PublicSection(heading, text_html(value)) for heading, value in rows if value]
    return Snapshot(
        title=f"Terms of reference: {read('name')}", summary=read("purpose"), sections=tuple(sections)
    )


FRAMEWORK_FIELDS = ("name",)


def framework_snapshot(read) -> Snapshot:
    """The framework as the partnership publishes it: its sources of learning, the ways learning is
    disseminated and how impact is monitored (the framework preset's lists, which hold no person)."""
    from learningloop.partnership.models import DisseminationMethod, LearningSourceType, MonitoringProcess

    def listing(model):
        items = model.objects.active().order_by("position", "name")
        return "<ul>" + "".join(f"<li>{escape(i.name)}</li>" for i in items) + "</ul>"

    return Snapshot(
        title=f"{read('name')}: learning and improvement framework",
        summary=(
            "How the partnership learns from practice, shares the learning and checks it made a difference."
        ),
        sections=(
            PublicSection("Where our learning comes from", listing(LearningSourceType)),
            PublicSection("How we share learning", listing(DisseminationMethod)),
            PublicSection("How we check the difference it makes", listing(MonitoringProcess)),
        ),
    )


def register():
    publishing.register(
        PublishableKind(
            code="case_review",
            label="Case review",
            candidates=review_candidates,
            fields=REVIEW_FIELDS,
            build=review_snapshot,
            on_published=review_published,
            keep_online_months=12,
            notes_label="Information about the improvements made",
            takes_document=True,
            position=10,
        )
    )
    publishing.register(
        PublishableKind(
            code="learning_briefing",
            label="Learning briefing",
            candidates=lambda: _briefings([BriefingKind.LEARNING_BRIEFING, BriefingKind.SEVEN_MINUTE]),
            fields=BRIEFING_FIELDS,
            build=briefing_snapshot,
            on_published=briefing_published,
            takes_document=True,
            position=20,
        )
    )
    publishing.register(
        PublishableKind(
            code="newsletter",
            label="Newsletter",
            candidates=lambda: _briefings([BriefingKind.NEWSLETTER_ITEM]),
            fields=BRIEFING_FIELDS,
            build=briefing_snapshot,
            on_published=briefing_published,
            takes_document=True,
            position=30,
        )
    )
    publishing.register(
        PublishableKind(
            code="terms_of_reference",
            label="Terms of reference",
            candidates=lambda: Group.objects.filter(is_active=True).select_related("accountable_to"),
            fields=GROUP_FIELDS,
            build=group_snapshot,
            position=40,
        )
    )
    publishing.register(
        PublishableKind(
            code="framework",
            label="Framework",
            candidates=lambda: Partnership.objects.order_by("pk"),  # one per installation
            fields=FRAMEWORK_FIELDS,
            build=framework_snapshot,
            takes_document=True,
            position=50,
        )
    )
