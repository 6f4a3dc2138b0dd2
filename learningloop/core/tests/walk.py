"""The vocabulary of the authorisation walk. Each app lists its URL names in `<app>/tests/walk_rules.py`
as RULES = {url_name: Rule(...)} (how to build the URL) and, optionally, VALID = {row: Valid(...)} (a valid
POST body and the change it must make). test_authorisation_walk.py merges them, fails on any URL pattern
that no rule covers, and compares every answer with the hand-written table in permissions_table.py."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed_in"  # any signed-in user


@dataclass(frozen=True)
class Scoped:
    """The page is about a record of the walk's home agency (objects["agency"]). Documentation only: the
    walk's expectations come from permissions_table.TABLE."""

    reach: str
    status: int = 404


@dataclass(frozen=True)
class Rule:
    # get/post name the policy action the view asks for. They document the view; the walk's expected answers
    # come from permissions_table.TABLE, written by hand, never from core.policy.POLICY.
    get: str | None = SIGNED_IN
    post: str | None = None
    kwargs: Callable[[dict], dict[str, Any]] = field(default=lambda objects: {})
    denied_status: int = 403
    scoped: Scoped | None = None
    # The same URL about a record in another state: {state: kwargs builder}. Each state has its own table
    # row "<url_name> [<state>]".
    states: dict[str, Callable[[dict], dict[str, Any]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Valid:
    """A valid POST body for one table row and the change it makes.

    data(objects) -> the body (files as SimpleUploadedFile); changed(objects) -> True once the intended row
    has changed (read it from the database again). A persona the table allows must get a redirect and
    changed() true; a refused persona posts the same body and must change nothing at all."""

    data: Callable[[dict], dict[str, Any]]
    changed: Callable[[dict], bool]
