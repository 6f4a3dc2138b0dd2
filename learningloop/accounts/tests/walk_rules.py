from learningloop.core.tests.walk import SIGNED_IN, Rule, Valid


def _user(objects, key):
    """A user record (in the home agency) for the user account pages that take an id, one per page."""
    from .factories import UserFactory

    if key not in objects:
        objects[key] = UserFactory(
            email=f"{key}@example.org", agency=objects["agency"], roles=["agency_member"]
        )
    return objects[key]


def _target_user(key):
    return lambda objects: {"pk": _user(objects, key).pk}


RULES = {
    "account_overview": Rule(get=SIGNED_IN),
    "account_email": Rule(get=SIGNED_IN),
    "session_keep_alive": Rule(get=None, post=SIGNED_IN),  # "Stay signed in" in the timeout warning
    "accounts:user_list": Rule(get="accounts.manage"),
    "accounts:user_create": Rule(get="accounts.manage", post="accounts.manage"),
    "accounts:user_edit": Rule(
        get="accounts.manage", post="accounts.manage", kwargs=_target_user("walk_user_edit")
    ),
    "accounts:user_deactivate": Rule(
        get="accounts.manage", post="accounts.manage", kwargs=_target_user("walk_user_deactivate")
    ),
    # Django admin's login URL: anonymous people go to allauth's sign-in; signed-in non-staff learn why not.
    # (Listed only while DJANGO_ADMIN_ENABLED is on, as it is for development and tests.)
    "admin:login": Rule(get=SIGNED_IN),
}


def _fresh(objects, key):
    user = _user(objects, key)
    user.refresh_from_db()
    return user


def _created(o):
    from learningloop.accounts.models import User

    return User.objects.filter(email="walk.newcomer@example.org").exists()


# Valid bodies for the allowed POSTs, and the change each must make (read back from the database).
VALID = {
    "accounts:user_create": Valid(
        data=lambda o: {
            "full_name": "Walk Newcomer",
            "email": "walk.newcomer@example.org",
            "agency": o["agency"].pk,
            "roles": ["agency_member"],
        },  # fmt: skip
        changed=_created,
    ),
    "accounts:user_edit": Valid(
        data=lambda o: {
            "agency": o["agency"].pk,
            "roles": ["agency_lead"],
            "is_active": "on",
            "version": _fresh(o, "walk_user_edit").version,
        },
        changed=lambda o: _fresh(o, "walk_user_edit").roles == ["agency_lead"],
    ),
    "accounts:user_deactivate": Valid(
        data=lambda o: {}, changed=lambda o: not _fresh(o, "walk_user_deactivate").is_active
    ),
}
