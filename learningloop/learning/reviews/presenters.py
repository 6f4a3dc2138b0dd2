"""How a case review reads on the page: its stage and the short name of its kind."""

from ..models import CaseReview, ReviewDecision, ReviewKind, Stage

KIND_SHORT = {
    ReviewKind.CHILD: "Rapid review / child safeguarding practice review",
    ReviewKind.SAR: "Safeguarding adult review",
    ReviewKind.DHR: "Domestic homicide review",
}


def stage_of(review: CaseReview) -> Stage:
    """The stage of one review, in Python (the same rules as `CaseReview.objects.with_stage()`)."""
    if review.published_on:
        return Stage.PUBLISHED
    if review.decision in (ReviewDecision.NO_LOCAL_REVIEW, ReviewDecision.NATIONAL_REVIEW):
        return Stage.CLOSED
    if review.decision == ReviewDecision.LOCAL_REVIEW:
        return Stage.LOCAL_REVIEW
    if review.kind == ReviewKind.CHILD and not review.panel_notified_on:
        return Stage.AWAITING_NOTIFICATION
    if review.kind == ReviewKind.CHILD and not review.rapid_review_sent_on:
        return Stage.RAPID_REVIEW
    return Stage.DECISION
