"""Practitioners reach their own pages and nothing of the partnership's internal records (ADR 0020).

One gate, whatever later areas add: a signed-in practitioner may open the training pages (/training/, where
each view decides further), their own account pages (/accounts/, but not the user administration under
/accounts/users/), the public pages and the assets: each area opens its own prefixes in the registry
`core.navigation.open_to_practitioners`. Any other path answers 403 before any view runs, so a page that
forgets to check the policy still shows a practitioner nothing. The home page sends them to their
own training page."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from learningloop.core.navigation import practitioner_may_open
from learningloop.core.policy import Role


def _is_practitioner(user) -> bool:
    return user.is_authenticated and user.is_active and Role.PRACTITIONER in (user.roles or ())


class PractitionerConfinementMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _is_practitioner(request.user):
            path = request.path
            if path == "/":
                return redirect("workforce:my_training")
            if not practitioner_may_open(path):
                from learningloop.core.views import error_403

                return error_403(request, PermissionDenied())
        return self.get_response(request)
