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
