"""Access helpers for views: one place that turns the policy into 403s and 404s."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .policy import can


def require(action):
    """View decorator: the signed-in user must be allowed `action`, or gets 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not can(request.user, action):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_action = action
        return wrapped

    return decorator


def get_visible_or_404(queryset, user, **lookup):
    """Fetch one object through the model's scoped `visible_to(user)` queryset: not visible means 404."""
    try:
        return queryset.visible_to(user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
