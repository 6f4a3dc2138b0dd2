"""The vocabulary of the authorisation walk. Each app lists its URL names in `<app>/tests/walk_rules.py`
as RULES = {url_name: Rule(...)}; test_authorisation_walk.py merges them and fails on any URL pattern
that no rule covers."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed_in"  # any signed-in user


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
