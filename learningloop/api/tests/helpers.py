"""Tokens and clients for the feed's tests."""

import datetime

from django.test import Client
from django.utils import timezone

from learningloop.api.tokens.services import access_token_create


def token_for(user, *, days=30, name="Power BI"):
    """(token, secret) for `user`, expiring `days` from today."""
    return access_token_create(
        user=user, name=name, expires_on=timezone.localdate() + datetime.timedelta(days=days)
    )


def bearer(secret):
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def rows(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()["results"]
