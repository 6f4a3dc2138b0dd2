"""Writes that carry a rule: keyword-only, validated, atomic. Views compose these and stay thin."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from learningloop.core.concurrency import claim_version

from .models import (
    CaseReview,
    Finding,
    FindingKind,
    KeyMessage,
    LearningActivity,
    SummaryEvent,
    SummaryOfLearning,
    SummaryStatus,
)
from .reviews.deadlines import sync_milestones

# --- Case reviews ---


@transaction.atomic
def case_review_save(*, review: CaseReview, expected_version=None) -> CaseReview:
    """Validate and save a case review, then bring its milestones into step with its dates. An edit names
    the version it started from; if someone saved in between, EditConflict is raised and nothing saved."""
    review.full_clean()
    if expected_version is not None:
        claim_version(review, expected_version)
    review.save()
    sync_milestones(review)
    return review


# --- Recurrence: were these improvements previously identified? ---

_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "more",
        "most",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "child",
        "children",
        "young",
        "people",
        "family",
        "families",
        "practitioners",
        "agencies",
        "agency",
    ]
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOPWORDS}


def similar_findings(*, finding: Finding, limit: int = 8, min_similarity: float = 0.2):
    """Earlier findings from other activities that share a theme with this one or read alike.

    Returns a list of (finding, shared theme names, similarity 0–1), most alike first. Text likeness is
    the Jaccard overlap of significant words; a shared theme alone is enough to be shown. Every earlier
    finding is compared (as plain values, so ten years of findings stay fast); only the best are loaded."""
    theme_ids = set(finding.themes.values_list("pk", flat=True))
    words = _words(finding.text)
    earlier = Finding.objects.exclude(activity=finding.activity).filter(created_at__lte=finding.created_at)
    shared: dict[int, list[str]] = {}
    if theme_ids:
        links = Finding.themes.through.objects.filter(theme_id__in=theme_ids, finding__in=earlier)
        for finding_id, name in links.values_list("finding_id", "theme__name").order_by("theme__name"):
            shared.setdefault(finding_id, []).append(name)
    scored = []
    for pk, text, created_at in earlier.values_list("pk", "text", "created_at").iterator(chunk_size=2000):
        other_words = _words(text)
        union = words | other_words
        similarity = len(words & other_words) / len(union) if union else 0.0
        themes = shared.get(pk, [])
        if themes or similarity >= min_similarity:
            scored.append((len(themes) + similarity * 3, created_at, pk, themes, similarity))
    scored.sort(key=lambda r: (r[0], r[1]), reverse=True)
    best = scored[:limit]
    loaded = (
        Finding.objects.select_related("activity", "activity__source_type")
        .prefetch_related("themes")
        .in_bulk([pk for *_, pk, _, _ in best])
    )
    return [(loaded[pk], themes, similarity) for _, _, pk, themes, similarity in best]


def theme_recurrence(*, since=None):
    """How often each theme has come up in findings (areas for improvement), across how many activities."""
    qs = Finding.objects.filter(kind=FindingKind.IMPROVEMENT)
    if since:
        qs = qs.filter(activity__completed_on__gte=since)
    return (
        qs.values("themes__name")
        .exclude(themes__name=None)
        .annotate(findings=Count("pk"), activities=Count("activity", distinct=True))
        .order_by("-activities", "-findings")
    )


# --- Summary of Learning workflow ---

# (from, to): who may make the move — the subgroup drafting it, or the LDG deciding on it.
TRANSITIONS = {
    (SummaryStatus.DRAFT, SummaryStatus.SUBMITTED): "summary.submit",
    (SummaryStatus.RETURNED, SummaryStatus.SUBMITTED): "summary.submit",
    (SummaryStatus.SUBMITTED, SummaryStatus.ACCEPTED): "summary.decide",
    (SummaryStatus.SUBMITTED, SummaryStatus.RETURNED): "summary.decide",
}


def _in_sentence(label: str) -> str:
    """A status label inside a sentence: only its first letter lowered, so "the LDG" stays as it is."""
    return label[:1].lower() + label[1:]


class TransitionRefused(ValidationError):
    pass


@transaction.atomic
def summary_transition(
    *, summary: SummaryOfLearning, to: str, by, reason: str = "", expected_version=None
) -> SummaryOfLearning:
    """Move a summary along its workflow, recording who and when; refuses moves the workflow forbids.
    The move claims the summary's next version: the one the page showed (`expected_version`), or the one
    read here; EditConflict, and nothing changed, if someone changed the summary in between."""
    from learningloop.core.policy import can

    summary = SummaryOfLearning.objects.get(pk=summary.pk)
    claim_version(summary, summary.version if expected_version is None else expected_version)
    action = TRANSITIONS.get((summary.status, to))
    if action is None:
        raise TransitionRefused(
            f"A summary that is {_in_sentence(summary.get_status_display())} cannot be "
            f"{_in_sentence(SummaryStatus(to).label)}"
        )
    if not can(by, action, summary):
        raise PermissionDenied
    if to == SummaryStatus.RETURNED and not reason.strip():
        raise ValidationError({"reason": "Enter the reason for returning the summary"})
    if to == SummaryStatus.SUBMITTED and not summary.key_messages.exists():
        raise TransitionRefused("Add at least one key message before submitting the summary")
    SummaryEvent.objects.create(
        summary=summary, from_status=summary.status, to_status=to, by=by, reason=reason
    )
    summary.status = to
    summary.save(update_fields=["status", "updated_at"])
    return summary


@transaction.atomic
def summary_create(*, by, **fields) -> SummaryOfLearning:
    activities = fields.pop("activities", [])
    summary = SummaryOfLearning(created_by=by, **fields)
    summary.full_clean()
    summary.save()
    summary.activities.set(activities)
    SummaryEvent.objects.create(summary=summary, from_status="", to_status=SummaryStatus.DRAFT, by=by)
    return summary


def summary_prefill(*, activities) -> dict:
    """Draft text for a new summary, drawn from its activities and their findings."""
    activities = list(activities)
    types = sorted({a.source_type.name for a in activities})
    lines, findings = [], []
    for a in activities:
        when = ""
        if a.started_on:
            when = f" ({a.started_on:%B %Y}" + (f" to {a.completed_on:%B %Y})" if a.completed_on else ")")
        lines.append(f"{a.title}{when}. {a.description}".strip())
        for f in a.findings.all():
            label = "Strength" if f.kind == FindingKind.STRENGTH else "Area for improvement"
            findings.append(f"{label}: {f.text}")
    return {
        "activity_type": "; ".join(types),
        "description": "\n".join(lines),
        "findings_summary": "\n".join(findings),
    }


def ensure_editable(summary: SummaryOfLearning) -> None:
    if not summary.is_editable:
        raise TransitionRefused("A submitted or accepted summary cannot be edited until the LDG returns it")


@transaction.atomic
def key_message_save(*, message: KeyMessage, audiences=(), workforce_groups=(), findings=()) -> KeyMessage:
    ensure_editable(message.summary)
    message.full_clean()
    message.save()
    message.audiences.set(audiences)
    message.workforce_groups.set(workforce_groups)
    message.findings.set(findings)
    return message


def activity_completed_without_findings():
    return LearningActivity.objects.completed_without_findings().select_related("source_type")


def today():
    return timezone.localdate()
