"""Service navigation: a few top-level sections, each listing the pages that apps declare for it.

Each app declares its own pages from its AppConfig.ready() with `register_page(section, ...)`; core
imports no domain app. A section is shown when the user may open at least one of its pages and links to
the first of them; on every page of a section a secondary navigation lists the section's pages. Sections
are part of the site map (below); a new area adds its section with `register_section` or joins one.
"""

from dataclasses import dataclass, field

from .links import reverse_once
from .policy import can


@dataclass(frozen=True)
class Page:
    text: str
    url_name: str
    action: str | None = None  # the policy action needed to open it (None: anyone signed in)
    prefixes: tuple[
        str, ...
    ] = ()  # URL path prefixes of the pages that belong to it; () matches its URL only
    order: int = 0


@dataclass
class Section:
    key: str
    text: str
    order: int
    pages: list[Page] = field(default_factory=list)


_SECTIONS: dict[str, Section] = {}


def register_section(key: str, text: str, order: int) -> Section:
    """Add a top-level section (idempotent: a second call with the same key returns the first)."""
    if key not in _SECTIONS:
        _SECTIONS[key] = Section(key, text, order)
    return _SECTIONS[key]


def register_page(section: str, text: str, url_name: str, action=None, prefixes=(), order=0) -> None:
    """Declare a page in a section. Idempotent per URL name, so AppConfig.ready() may run twice."""
    if section not in _SECTIONS:
        raise KeyError(f"Unknown navigation section {section!r}: register_section it first")
    if isinstance(prefixes, str):
        prefixes = (prefixes,)
    pages = _SECTIONS[section].pages
    if any(p.url_name == url_name for p in pages):
        return
    pages.append(Page(text, url_name, action, tuple(prefixes), order))
    pages.sort(key=lambda p: p.order)


def sections() -> list[Section]:
    return sorted(_SECTIONS.values(), key=lambda s: s.order)


# The site map's top level: six sections at most, so every persona sees one line. Learning is what the
# partnership learned (the register, case reviews, summaries); Practice is how it reaches practice
# (dissemination, requests, actions, the trail); Impact is whether anything changed (the dataset,
# assurance); Governance is how the partnership runs (agencies, groups, meetings, the framework, the audit
# trail); People is who takes part (people, users, the training programme). A section with no page the
# user may open is not shown.
register_section("home", "Home", 0)
register_section("learning", "Learning", 10)
register_section("practice", "Practice", 20)
register_section("impact", "Impact", 30)
register_section("governance", "Governance", 40)
register_section("people", "People", 50)
register_page("home", "Home", "home")
register_page("governance", "Audit trail", "core:audit_list", "audit.view", "/audit/", order=90)


def _matches(page: Page, href: str, path: str) -> bool:
    return path == href if not page.prefixes else path.startswith(page.prefixes)


def navigation_for(request) -> dict:
    """The sections this user may open, the current one marked, and the current section's pages; `sections`
    lists every visible section with its pages (the home page's "Your areas")."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"items": [], "section": None, "pages": [], "sections": []}
    path = request.path
    items, visible, current_pages, current_section = [], [], [], None
    for section in sections():
        pages = []
        for page in section.pages:
            if page.action and not can(user, page.action):
                continue
            href = reverse_once(page.url_name)
            active = _matches(page, href, path)
            pages.append({"text": page.text, "href": href, "active": active, "current": path == href})
        if not pages:
            continue
        active = any(p["active"] for p in pages)
        items.append(
            {
                "text": section.text,
                "href": pages[0]["href"],
                "active": active,
                "current": active and path == pages[0]["href"] and len(pages) == 1,
            }
        )
        visible.append({"text": section.text, "pages": pages})
        if active:
            current_section, current_pages = section.text, pages
    return {
        "items": items,
        "section": current_section,
        "pages": current_pages if len(current_pages) > 1 else [],
        "sections": visible,
    }


# Where a signed-in practitioner may go (ADR 0020). Practitioners are confined to the pages meant for them
# before any view runs; each area that has such pages opens its own URL prefixes from its AppConfig.ready()
# (the training programme, the public hub, a public survey form...), and may keep a part of them closed
# (the user administration under the account pages). The assets, the health check and the accessibility
# statement are open to everyone.
_PRACTITIONER_OPEN: set[str] = {"/static/", "/assets/", "/healthz", "/accessibility"}
_PRACTITIONER_CLOSED: set[str] = set()


def open_to_practitioners(*prefixes: str, closed: tuple[str, ...] = ()) -> None:
    """Let practitioners open every path under `prefixes`, except those under `closed`."""
    _PRACTITIONER_OPEN.update(prefixes)
    _PRACTITIONER_CLOSED.update(closed)


def practitioner_may_open(path: str) -> bool:
    return path.startswith(tuple(_PRACTITIONER_OPEN)) and not path.startswith(tuple(_PRACTITIONER_CLOSED))
