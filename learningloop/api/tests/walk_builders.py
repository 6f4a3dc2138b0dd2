"""The walk's personal access token: it belongs to a home agency member who is not one of the personas, so
only an administrator may revoke it."""

import datetime

from django.utils import timezone

from learningloop.accounts.tests.factories import UserFactory
from learningloop.api.tokens.services import access_token_create
from learningloop.core.policy import Role


def extend(objects):
    owner = UserFactory(
        email="walk-token-owner@example.org", agency=objects["agency"], roles=[Role.AGENCY_MEMBER]
    )
    token, _secret = access_token_create(
        user=owner, name="Walk token", expires_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    objects["api_token"] = token
