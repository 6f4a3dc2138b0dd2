"""Presets that areas above the partnership add to `manage.py load_framework` (the partnership app loads
its own first, and cannot import the areas above it). Each loader adds only what is missing and returns
lines for the command's report; loading twice adds nothing."""

from collections.abc import Callable

LOADERS: dict[str, Callable[[], list[str]]] = {}


def register(name: str, loader: Callable[[], list[str]]) -> None:
    LOADERS[name] = loader


def load_all() -> list[str]:
    lines = []
    for name in sorted(LOADERS):
        lines.extend(LOADERS[name]())
    return lines
