from learningloop.core.tests.walk import SIGNED_IN, Rule


def _target_user(objects):
    """A user record (in the home agency) for the user account pages that take an id."""
    from .factories import UserFactory

    return {"pk": UserFactory(agency=objects["agency"], roles=["agency_member"]).pk}


RULES = {
    "account_overview": Rule(get=SIGNED_IN),
    "account_email": Rule(get=SIGNED_IN),
    "session_keep_alive": Rule(get=None, post=SIGNED_IN),  # "Stay signed in" in the timeout warning
    "accounts:user_list": Rule(get="accounts.manage"),
    "accounts:user_create": Rule(get="accounts.manage", post="accounts.manage"),
    "accounts:user_edit": Rule(get="accounts.manage", post="accounts.manage", kwargs=_target_user),
    "accounts:user_deactivate": Rule(get="accounts.manage", post="accounts.manage", kwargs=_target_user),
    # Django admin's login URL: anonymous people go to allauth's sign-in; signed-in non-staff learn why not.
    # (Listed only while DJANGO_ADMIN_ENABLED is on, as it is for development and tests.)
    "admin:login": Rule(get=SIGNED_IN),
}
