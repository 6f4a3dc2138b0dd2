"""The areas that a key message's loop status is built from (dissemination, training, impact and assurance
evidence) say here which key messages a write of theirs touched; the area that keeps the stored loop
(reports, ADR 0044) registers the hook that counts those key messages again, in the same transaction.

A lower layer cannot import the higher one that reads them all, so the hook is registered, as the
agency-move hooks are (accounts.users.services.register_agency_move)."""

from collections.abc import Callable, Iterable

_hooks: list[Callable] = []


def register_loop_update(hook: Callable) -> None:
    """`hook(key_message_ids={...})` runs in the transaction of every write that may move these key messages
    along (or back along) the loop."""
    if hook not in _hooks:
        _hooks.append(hook)


def loop_touched(key_message_ids: Iterable) -> None:
    """A write changed something the loop status of these key messages is built from."""
    ids = {pk for pk in key_message_ids if pk is not None}
    if ids:
        for hook in _hooks:
            hook(key_message_ids=ids)
