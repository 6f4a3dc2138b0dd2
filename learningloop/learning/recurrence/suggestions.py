"""Which earlier findings may describe the same practice problem, and why (ADR 0024).

Candidates come from two places, each one query: the database's full-text search (search.py) for the
finding's own words plus the terms and phrases of the themes it is tagged with or whose vocabulary it uses
(query expansion); and the earlier findings that share its tagged themes. They are then re-ranked here by
what a chair would weigh: how well the text matches, shared themes (tagged, or the same theme's vocabulary
in both texts), the same kind of finding, and recency. A chair's mark on a suggestion wins: "same issue"
comes first, "not related" goes last."""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Count

from .search import Query, ranked
from .vocabulary import Text, query_words, recognised, stem, theme_words

CANDIDATES = 40  # from each full-text search; the page shows 8
THEME_CANDIDATES = 20  # sharing tagged themes, whatever their words
WEIGHT_OWN, WEIGHT_EXPANDED = 0.6, 0.4
WEIGHT_TAGGED, WEIGHT_RECOGNISED, WEIGHT_KIND, WEIGHT_RECENT = 1.0, 0.25, 0.05, 0.05
MARK_FIRST = 100.0


@dataclass
class Why:
    """Why an earlier finding was suggested, in words a chair can judge."""

    matched_terms: list[str] = field(default_factory=list)  # the later finding's words and phrases it has
    same_vocabulary: list[str] = field(default_factory=list)  # themes whose terms both texts use
    verdict: str = ""  # a chair's mark: RecurrenceVerdict value, or "" when not marked
    score: float = 0.0

    @property
    def reads_alike(self) -> bool:
        return len(self.matched_terms) >= 2


class Suggestion(NamedTuple):
    finding: object
    shared: list[str]  # names of the themes both findings are tagged with
    why: Why


def _query(text: Text, words: list[str], themes) -> tuple[Query, list]:
    """The search: the finding's words, plus every phrase of the given themes (query expansion)."""
    extra_words, phrases, expansions, seen = [], [], [], set(words)
    for theme in themes:
        for p in theme.phrases:
            expansions.append(p)
            if len(p.words) == 1:
                if p.words[0] not in seen and (len(p.words[0]) >= 2):
                    seen.add(p.words[0])
                    extra_words.append(p.words[0])
            elif p.words not in phrases:
                phrases.append(p.words)
    return Query(tuple(words + extra_words), tuple(phrases)), expansions


def _theme_candidates(finding, queryset, tagged_ids):
    """Up to CANDIDATES earlier findings sharing the most tagged themes, most recent first."""
    from ..models import Finding

    through = Finding.themes.through
    rows = (
        through.objects.filter(
            theme_id__in=tagged_ids,
            finding__created_at__lte=finding.created_at,
            finding__in=queryset.exclude(activity_id=finding.activity_id).exclude(pk=finding.pk),
        )
        .values("finding_id")
        .annotate(shared=Count("theme_id"))
        .order_by("-shared", "-finding__created_at", "-finding_id")[:THEME_CANDIDATES]
    )
    return [row["finding_id"] for row in rows]


def suggestions_for(finding, queryset, *, limit=8) -> list[Suggestion]:
    from ..models import RecurrenceMark, RecurrenceVerdict, Theme

    tagged = list(finding.themes.all())
    tagged_ids = {t.pk for t in tagged}
    vocabulary = theme_words(Theme.objects.filter(is_active=True) | Theme.objects.filter(pk__in=tagged_ids))
    by_pk = {t.pk: t for t in vocabulary}
    text = Text(finding.text)
    concepts = recognised(text, vocabulary)
    words = query_words(finding.text)
    expand = [by_pk[pk] for pk in sorted(set(concepts) | tagged_ids) if pk in by_pk]
    query, expansions = _query(text, words, expand)

    where = {"before": finding.created_at, "exclude_activity_id": finding.activity_id,
             "exclude_id": finding.pk, "limit": CANDIDATES}  # fmt: skip
    own = dict(ranked(Query(tuple(words)), **where))
    expanded = dict(ranked(query, **where)) if expand else {}
    if tagged_ids:
        expanded.update(ranked(query, theme_ids=sorted(tagged_ids), **where))
    theme_ids = _theme_candidates(finding, queryset, tagged_ids) if tagged_ids else []
    marks = dict(RecurrenceMark.objects.filter(finding=finding).values_list("earlier_id", "verdict"))
    ids = set(own) | set(expanded) | set(theme_ids) | set(marks)
    candidates = (
        queryset.filter(pk__in=ids, created_at__lte=finding.created_at)
        .exclude(activity_id=finding.activity_id)
        .select_related("activity", "activity__source_type")
        .prefetch_related("themes")
    )
    best_own = max(own.values(), default=0.0) or 1.0
    best_expanded = max(expanded.values(), default=0.0) or 1.0
    mine = set(concepts) | tagged_ids
    word_stems = [(w, stem(w)) for w in words]
    scored = []
    for other in candidates:
        other_text = Text(other.text)
        other_tags = {t.pk: t.name for t in other.themes.all()}
        shared = sorted(other_tags[pk] for pk in tagged_ids & set(other_tags))
        vocabulary_shared = (mine & (set(recognised(other_text, vocabulary)) | set(other_tags))) - (
            tagged_ids & set(other_tags)
        )
        matched = [w for w, s in word_stems if s in other_text.stem_set]
        for p in expansions:
            if p.text.lower() not in {m.lower() for m in matched} and other_text.has(p):
                matched.append(p.text)
        verdict = marks.get(other.pk, "")
        if not (shared or vocabulary_shared or len(matched) >= 2 or verdict):
            continue
        age_days = max((finding.created_at - other.created_at) / datetime.timedelta(days=1), 0)
        score = (
            WEIGHT_OWN * own.get(other.pk, 0.0) / best_own
            + WEIGHT_EXPANDED * expanded.get(other.pk, 0.0) / best_expanded
            + WEIGHT_TAGGED * len(shared)
            + WEIGHT_RECOGNISED * len(vocabulary_shared)
            + WEIGHT_KIND * (other.kind == finding.kind)
            + WEIGHT_RECENT * max(0.0, 1 - age_days / 3650)
        )
        if verdict == RecurrenceVerdict.SAME_ISSUE:
            score += MARK_FIRST
        elif verdict == RecurrenceVerdict.NOT_RELATED:
            score -= MARK_FIRST
        why = Why(matched, sorted(by_pk[pk].name for pk in vocabulary_shared), verdict, score)
        scored.append((score, other.created_at, other.pk, Suggestion(other, shared, why)))
    scored.sort(key=lambda row: row[:3], reverse=True)
    return [row[3] for row in scored[:limit]]
