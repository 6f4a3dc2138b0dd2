"""Permission rules that depend on what someone sits on, registered with core.policy from apps.py."""

from .models import Membership


def sits_on_a_case_review_group(user) -> bool:
    """A current member of a group that handles case reviews (the CSPR Panel). Cached on the user for the
    request, since every page that may show restricted details asks."""
    cache = getattr(user, "_case_review_member", None)
    if cache is None:
        cache = (
            Membership.objects.current().filter(person__user=user, group__handles_case_reviews=True).exists()
        )
        user._case_review_member = cache
    return cache


def chairs_or_officers_a_case_review_group(user) -> bool:
    """The current chair (or deputy chair) or an officer of a group that handles case reviews: they may change
    restricted child details (ADR 0012); other members of the Panel only see them."""
    from .models import MembershipRole

    cache = getattr(user, "_case_review_chair_or_officer", None)
    if cache is None:
        cache = (
            Membership.objects.current()
            .filter(
                person__user=user,
                group__handles_case_reviews=True,
                role__in=[MembershipRole.CHAIR, MembershipRole.DEPUTY_CHAIR, MembershipRole.OFFICER],
            )
            .exists()
        )
        user._case_review_chair_or_officer = cache
    return cache
