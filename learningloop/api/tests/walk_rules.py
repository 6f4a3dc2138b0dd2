"""Authorisation walk rules for the data feed's pages, the feed itself, and the CSV downloads the feed's
issue added to other areas' pages (kept here so those areas' rule files are untouched).

The feed (api:schema and api:feed_*) is authenticated by a bearer token only: the walk's sessions are not
tokens, so every persona, signed in or not, gets 401 (code U). tests/test_feed_*.py cover tokens."""

from learningloop.api.models import AccessToken
from learningloop.core.tests.walk import PUBLIC, Rule, Valid

OWN, ALL = "api.tokens", "api.tokens_manage"


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


def _any_pk(objects):
    return {"pk": 1}


FEED_LISTS = ("indicators", "providers", "periods", "values", "actions", "key_messages", "deadlines")
FEED_DETAILS = ("indicators", "values", "actions", "key_messages")

RULES = {
    "api:token_list": Rule(get=OWN),
    "api:token_create": Rule(get=OWN, post=OWN),
    "api:token_admin_list": Rule(get=ALL),
    "api:token_revoke": Rule(get=OWN, post=OWN, kwargs=_pk("api_token"), denied_status=404),
    # The feed: a bearer token, never a session (401 for all the walk's personas).
    "api:schema": Rule(get=PUBLIC),
    **{f"api:feed_{name}-list": Rule(get=PUBLIC) for name in FEED_LISTS},
    **{f"api:feed_{name}-detail": Rule(get=PUBLIC, kwargs=_any_pk) for name in FEED_DETAILS},
    # CSV downloads beside the pages' existing lists, with the same permission as the page or its Excel.
    "improvement:action_export_csv": Rule(get="actions.export"),
    "performance:indicator_values_export": Rule(get="impact.view", kwargs=_pk("impact_indicator")),
    "reports:trail_export": Rule(get="trail.view"),
    "learning:statutory_deadlines_export": Rule(),
}


def _revoked(objects):
    return AccessToken.objects.get(pk=objects["api_token"].pk).revoked_at is not None


VALID = {
    "api:token_revoke": Valid(data=lambda objects: {}, changed=_revoked),
}
