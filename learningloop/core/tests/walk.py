"""The vocabulary of the authorisation walk. Each app lists its URL names in `<app>/tests/walk_rules.py`
as RULES = {url_name: Rule(...)}; test_authorisation_walk.py merges them and fails on any URL pattern
that no rule covers."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed_in"  # any signed-in user


@dataclass(frozen=True)
class Scoped:
    """The page is about a record of the walk's home agency (objects["agency"]). A persona whose role allows
    the action but who belongs to another agency and lacks `reach` (the partnership-wide action, for
    example "actions.view_all") gets `status`: 404 when the record is not visible to them, 403 when it is
    visible but they may not act on it (core.policy.AGENCY_SCOPED)."""

    reach: str
    status: int = 404


@dataclass(frozen=True)
class Rule:
    get: str | None = SIGNED_IN  # policy action needed for GET, PUBLIC, SIGNED_IN, or None (GET not allowed)
    post: str | None = None  # policy action needed for POST, or None (POST not allowed: 405)
    kwargs: Callable[[dict], dict[str, Any]] = field(default=lambda objects: {})
    # What a signed-in persona without the action gets: 403, or 404 for pages whose existence must not be
    # revealed (restricted details).
    denied_status: int = 403
    # Some POSTs succeed with an empty body (for example "end membership" confirmations); the walk accepts
    # 200, 302 and 303 from an allowed persona for POST.
    # Agency scoping of a page about the home agency's record (see Scoped).
    scoped: Scoped | None = None
