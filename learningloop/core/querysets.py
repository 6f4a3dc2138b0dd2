"""QuerySet building blocks shared by the domain apps."""

from django.db import models


class SignedInQuerySet(models.QuerySet):
    """Records every signed-in user may read (the partnership's shared work, not one agency's data):
    `visible_to(user)` is everything for a signed-in user and nothing for anyone else. Agency-owned rows
    override `visible_to` with their own scope."""

    def visible_to(self, user):
        return self if getattr(user, "is_authenticated", False) else self.none()
