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

from .search import Query, ranked, word_counts
from .vocabulary import Text, analysed_text, query_words, stem, theme_words, vocabulary_for

MAX_UNITS = 60  # words and phrases in one search, so that its cost stays bounded
CANDIDATES = 60  # from each full-text search; the page shows 8
THEME_CANDIDATES = 20  # sharing tagged themes, whatever their words
WEIGHT_OWN, WEIGHT_EXPANDED = 0.6, 0.4
WEIGHT_TAGGED, WEIGHT_CONCEPTS, WEIGHT_KIND, WEIGHT_RECENT = 1.0, 1.0, 0.05, 0.05
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


def _query(text: Text, words: list[str], themes, phrases=()) -> tuple[Query, list]:
    """The search: the finding's words (and phrases), plus every phrase of the given themes (query
    expansion)."""
    extra_words, expansions, seen = [], [], set(words)
    phrases = list(phrases)
    for theme in themes:
        for p in theme.phrases:
            expansions.append(p)
            if len(p.words) == 1:
                if p.words[0] not in seen and (len(p.words[0]) >= 2):
                    seen.add(p.words[0])
                    extra_words.append(p.words[0])
            elif p.words not in phrases:
                phrases.append(p.words)
    room = max(MAX_UNITS - len(words), 0)
    extra_words = extra_words[: room // 2]
    phrases = phrases[: room - len(extra_words)]
    return Query(tuple(words + extra_words), tuple(phrases)), expansions


def _primary(words: list[str], synonyms) -> Query:
    """The finding's own words, plus the other ways of saying what it says (its synonym groups)."""
    extra = [p.words[0] for p in synonyms if len(p.words) == 1 and p.words[0] not in words]
    phrases = [p.words for p in synonyms if len(p.words) > 1]
    room = max(MAX_UNITS - len(words), 0)
    extra = list(dict.fromkeys(extra))[: room // 2]
    phrases = list(dict.fromkeys(phrases))[: room - len(extra)]
    return Query(tuple(words + extra), tuple(phrases))


def theme_candidates_query(finding, queryset, tagged_ids):
    """Up to CANDIDATES earlier findings sharing the most tagged themes, most recent first (their pks and
    how many themes they share). Counted from the findings joined to their taggings of those themes, with
    every condition on the joined finding itself: excluding the finding's activity through a subquery of
    the findings made SQLite list every finding of the register first (13 ms against 5 at scale 2,
    issue 14)."""
    return (
        queryset.filter(themes__in=tagged_ids, created_at__lte=finding.created_at)
        .exclude(activity_id=finding.activity_id)
        .exclude(pk=finding.pk)
        .values("pk")
        .annotate(shared=Count("themes"))
        .order_by("-shared", "-created_at", "-pk")[:THEME_CANDIDATES]
    )


def _theme_candidates(finding, queryset, tagged_ids):
    return [row["pk"] for row in theme_candidates_query(finding, queryset, tagged_ids)]


def suggestions_for(finding, queryset, *, limit=8) -> list[Suggestion]:
    from ..models import Finding, RecurrenceMark, RecurrenceVerdict, Theme

    tagged = list(finding.themes.all())
    tagged_ids = {t.pk for t in tagged}
    vocabulary = theme_words(Theme.objects.filter(is_active=True) | Theme.objects.filter(pk__in=tagged_ids))
    by_pk = {t.pk: t for t in vocabulary}
    text = Text(finding.text)
    vocabulary_index = vocabulary_for(tuple(vocabulary))
    concepts = vocabulary_index.recognised(text)
    words = query_words(finding.text)
    synonyms = vocabulary_index.synonyms(text)
    primary = _primary(words, synonyms)
    expand = [by_pk[pk] for pk in sorted(set(concepts) | tagged_ids) if pk in by_pk]
    query, expansions = _query(text, list(primary.words), expand, primary.phrases)
    expansions = synonyms + [p for p in expansions if p not in synonyms]

    where = {"before": finding.created_at, "exclude_activity_id": finding.activity_id,
             "exclude_id": finding.pk, "limit": CANDIDATES,
             "findings_using": word_counts(primary, query)}  # fmt: skip
    own = dict(ranked(primary, **where))
    expanded = dict(ranked(query, **where)) if expand else {}
    if tagged_ids:
        expanded.update(ranked(query, theme_ids=sorted(tagged_ids), **where))
    theme_ids = _theme_candidates(finding, queryset, tagged_ids) if tagged_ids else []
    marks = dict(RecurrenceMark.objects.filter(finding=finding).values_list("earlier_id", "verdict"))
    ids = set(own) | set(expanded) | set(theme_ids) | set(marks)
    # Score from plain values (two queries, whatever the number of candidates); load only the best.
    rows = (
        queryset.filter(pk__in=ids, created_at__lte=finding.created_at)
        .exclude(activity_id=finding.activity_id)
        .values_list("pk", "text", "kind", "created_at")
    )
    tags: dict[int, set[int]] = {}
    for finding_id, theme_id in Finding.themes.through.objects.filter(finding_id__in=ids).values_list(
        "finding_id", "theme_id"
    ):
        tags.setdefault(finding_id, set()).add(theme_id)
    best_own = max(own.values(), default=0.0) or 1.0
    best_expanded = max(expanded.values(), default=0.0) or 1.0
    mine = set(concepts) | tagged_ids
    word_stems = [(w, stem(w)) for w in words]
    analysed: dict[str, tuple[Text, set[int]]] = {}
    scored = []
    for pk, other_text_value, kind, created_at in rows:
        if other_text_value not in analysed:
            other_text = analysed_text(other_text_value)
            analysed[other_text_value] = (other_text, set(vocabulary_index.recognised(other_text)))
        other_text, other_concepts = analysed[other_text_value]
        other_tags = tags.get(pk, set())
        shared_ids = tagged_ids & other_tags
        theirs = other_concepts | other_tags
        vocabulary_shared = (mine & theirs) - shared_ids
        concept_overlap = len(mine & theirs) / len(mine | theirs) if mine or theirs else 0.0
        own_matched = sum(1 for _, s in word_stems if s in other_text.stem_set)
        verdict = marks.get(pk, "")
        if not (shared_ids or vocabulary_shared or own_matched >= 2 or verdict):
            continue
        age_days = max((finding.created_at - created_at) / datetime.timedelta(days=1), 0)
        score = (
            WEIGHT_OWN * own.get(pk, 0.0) / best_own
            + WEIGHT_EXPANDED * expanded.get(pk, 0.0) / best_expanded
            + WEIGHT_TAGGED * len(shared_ids)
            + WEIGHT_CONCEPTS * concept_overlap
            + WEIGHT_KIND * (kind == finding.kind)
            + WEIGHT_RECENT * max(0.0, 1 - age_days / 3650)
        )
        if verdict == RecurrenceVerdict.SAME_ISSUE:
            score += MARK_FIRST
        elif verdict == RecurrenceVerdict.NOT_RELATED:
            score -= MARK_FIRST
        scored.append((score, created_at, pk, sorted(by_pk[t].name for t in vocabulary_shared), verdict))
    scored.sort(key=lambda row: row[:3], reverse=True)
    best = scored[:limit]
    loaded = (
        Finding.objects.select_related("activity", "activity__source_type")
        .prefetch_related("themes")
        .in_bulk([row[2] for row in best])
    )
    result = []
    for score, _, pk, same_vocabulary, verdict in best:
        other = loaded[pk]
        other_text = analysed[other.text][0]
        matched = [w for w, s in word_stems if s in other_text.stem_set]
        for p in expansions:
            if p.text.lower() not in {m.lower() for m in matched} and other_text.has(p):
                matched.append(p.text)
        shared = sorted(t.name for t in other.themes.all() if t.pk in tagged_ids)
        result.append(Suggestion(other, shared, Why(matched, same_vocabulary, verdict, score)))
    return result
