"""Home page panels: each area registers what its users must do next; the home page shows every panel that
applies to the signed-in user, in order. Core imports no domain app: apps register from AppConfig.ready().

    panels.register(HomePanel(key="improvement.agency_actions", order=30,
                              template="improvement/_home_agency_actions.html",
                              context=agency_actions_for, applies=lambda user: ...))

`context(user)` returns the template's context (a dict); it must run a fixed number of queries, however
many rows there are, so the home page's query count stays flat. A panel whose context says
`{"empty": True}` is left out, so a quiet area takes no space.
"""

from collections.abc import Callable
from dataclasses import dataclass


def _always(user) -> bool:
    return True


@dataclass(frozen=True)
class HomePanel:
    key: str
    order: int
    template: str
    context: Callable[..., dict]
    applies: Callable[..., bool] = _always


_PANELS: dict[str, HomePanel] = {}


def register(panel: HomePanel) -> None:
    """Add or replace a panel (by key, so AppConfig.ready() running twice registers it once)."""
    _PANELS[panel.key] = panel


def registered() -> list[HomePanel]:
    return sorted(_PANELS.values(), key=lambda p: (p.order, p.key))


def panels_for(user) -> list[dict]:
    """The panels that apply to this user, each as {"key", "template", "context"}, in order."""
    shown = []
    for panel in registered():
        if not panel.applies(user):
            continue
        context = panel.context(user)
        if context.get("empty"):
            continue
        shown.append({"key": panel.key, "template": panel.template, "context": context})
    return shown


# --- Record panels: a section a higher area adds to a lower area's record page ---


@dataclass(frozen=True)
class RecordPanel:
    """A section on one kind of record's page that another area adds, so the record's own (lower) area
    need not import it: for example the requests to agencies for information about a case review, shown
    on the case review's page. `record` is the model's "app_label.ModelName"; `context(user, record)`
    returns the template's context (a fixed number of queries); `applies(user)` says who sees it."""

    key: str
    record: str
    order: int
    template: str
    context: Callable[..., dict]
    applies: Callable[..., bool] = _always


_RECORD_PANELS: dict[str, RecordPanel] = {}


def register_record_panel(panel: RecordPanel) -> None:
    """Add or replace a record panel (by key)."""
    _RECORD_PANELS[panel.key] = panel


def record_panels_for(request, record) -> list:
    """The record panels for this record's page, each rendered with its own escaped context."""
    from django.template.loader import render_to_string
    from markupsafe import Markup

    label = record._meta.label
    shown = []
    for panel in sorted(_RECORD_PANELS.values(), key=lambda p: (p.order, p.key)):
        if panel.record != label or not panel.applies(request.user):
            continue
        context = {**panel.context(request.user, record), "user": request.user}
        shown.append(Markup(render_to_string(panel.template, context, request=request)))  # noqa: S704
    return shown
