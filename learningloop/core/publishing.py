"""What the public learning hub may publish: a registry of publishable kinds, one per kind of working record
(a published case review, a briefing, a newsletter, a group's terms of reference, the framework...).

Each area registers its kinds from its AppConfig.ready() (or the website's publishing layer registers them
for the areas that were built before it), so the website app finds them without core or the area importing
the website. The website copies a record into a *snapshot* only through its kind:

- `fields` is the allow-list: the only attribute paths of the working record that may be read (dotted, for
  example "activity.title"; a path through a related manager gives a list). `build(read)` receives a reader
  that refuses every other path (RestrictedPath), so a restricted field (a child's name, a practitioner) can
  never reach the public site whatever a template or a future change asks for.
- `candidates()` the working records that may be published (a local review, a briefing marked ready...).
- `on_published(obj, on, by)` what publishing changes in the working record (the case review's publication
  milestone is filled in); `keep_online_months` how long an item must stay online before it may be retired.

A second, smaller registry lets a lower area show the public reach of what it disseminated (the learning
trail): `register_reach(provider)`; `public_reach(key_message_id)` asks every provider.
See docs/adr/0029-public-hub-reads-only-snapshots.md."""

from collections.abc import Callable
from dataclasses import dataclass


class RestrictedPath(LookupError):
    """A snapshot asked for a field its kind does not allow."""


@dataclass(frozen=True)
class PublicSection:
    heading: str
    html: str  # sanitised HTML (nh3) or escaped text wrapped in paragraphs


@dataclass(frozen=True)
class Snapshot:
    title: str
    summary: str = ""
    sections: tuple[PublicSection, ...] = ()
    themes: tuple[str, ...] = ()
    key_message_ids: tuple[int, ...] = ()
    kind_label: str = ""  # when one kind holds several (a 7-minute briefing is a learning briefing)


@dataclass(frozen=True)
class PublishableKind:
    code: str
    label: str
    candidates: Callable  # () -> QuerySet of working records that may be published
    fields: tuple[str, ...]  # the allow-list of attribute paths `build` may read
    build: Callable  # (read) -> Snapshot, where read(path) returns the allowed value
    on_published: Callable | None = None  # (obj, on: date, by) -> None, inside the publishing transaction
    keep_online_months: int = 0
    notes_label: str = ""  # a text the publisher writes when publishing (shown as its own section)
    takes_document: bool = False  # the publisher may attach a document (metadata is removed first)
    position: int = 100

    def reader(self, obj):
        """A function that reads only the allow-listed paths of `obj`."""
        allowed = frozenset(self.fields)

        def read(path: str):
            if path not in allowed:
                raise RestrictedPath(f"{self.code}: {path!r} is not in the kind's allow-list")
            return resolve(obj, path.split("."))

        return read

    def snapshot(self, obj) -> Snapshot:
        return self.build(self.reader(obj))


def resolve(obj, parts):
    """Follow attribute names; a related manager on the way gives a flat list of what lies beyond it."""
    if obj is None or not parts:
        return obj
    value = getattr(obj, parts[0])
    if hasattr(value, "all") and callable(value.all):
        out = []
        for item in value.all():
            found = resolve(item, parts[1:])
            out.extend(found if isinstance(found, list) else [found])
        return out
    if callable(value) and parts[0].startswith("get_") and parts[0].endswith("_display"):
        value = value()
    return resolve(value, parts[1:])


REGISTRY: dict[str, PublishableKind] = {}


def register(kind: PublishableKind) -> PublishableKind:
    REGISTRY[kind.code] = kind
    return kind


def kinds() -> list[PublishableKind]:
    return sorted(REGISTRY.values(), key=lambda k: (k.position, k.label))


def get_kind(code: str) -> PublishableKind | None:
    return REGISTRY.get(code)


# --- Public reach, for the learning trail ---------------------------------------------------------------


@dataclass(frozen=True)
class ReachLine:
    title: str
    views: int
    downloads: int
    url: str = ""

    @property
    def total(self) -> int:
        return self.views + self.downloads


REACH_PROVIDERS: list[Callable] = []


def register_reach(provider: Callable) -> None:
    """provider(key_message_id) -> list[ReachLine]."""
    if provider not in REACH_PROVIDERS:
        REACH_PROVIDERS.append(provider)


def public_reach(key_message_id: int) -> list[ReachLine]:
    lines: list[ReachLine] = []
    for provider in REACH_PROVIDERS:
        lines.extend(provider(key_message_id))
    return lines
