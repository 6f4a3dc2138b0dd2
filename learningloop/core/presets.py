"""Parts of the framework preset that belong to higher apps (the learning themes' vocabulary, the indicator
library, the Section 11 and 175/157 standards...): each app registers a loader from its AppConfig.ready();
partnership.preset.preset_load() runs them in its transaction, after its own lists, so `load_framework`
loads everything or nothing. A loader takes the PresetReport and counts what it defines and adds; loading
twice adds nothing."""

from collections.abc import Callable

_PARTS: list[Callable] = []


def register(load: Callable) -> None:
    if load not in _PARTS:
        _PARTS.append(load)


def parts() -> list[Callable]:
    return list(_PARTS)
