"""The app layout of docs/adr/0014-one-layout-per-app.md holds: a domain app's bounded contexts are
sub-packages with the same layer module names, never flat `<layer>_<context>.py` files."""

import re
from pathlib import Path

import learningloop

ROOT = Path(learningloop.__file__).resolve().parent
NOT_CONTEXTS = {"tests", "migrations", "management", "templatetags"}
LAYERS = ("views", "forms", "services", "urls", "filters")
# Core is a toolkit, not a set of contexts (ADR 0014): its module names say which capability they serve.
NOT_DOMAIN_APPS = {"core", "config", "devdata", "browser_tests"}
FLAT_CONTEXT_MODULE = re.compile(rf"^(?:(?:{'|'.join(LAYERS)})_\w+|\w+_(?:{'|'.join(LAYERS)}))\.py$")


def _domain_apps():
    for path in sorted(ROOT.iterdir()):
        if path.is_dir() and (path / "apps.py").exists() and path.name not in NOT_DOMAIN_APPS:
            yield path


def _context_packages(app):
    for path in sorted(app.iterdir()):
        is_package = (path / "__init__.py").exists() and path.name not in NOT_CONTEXTS
        if is_package and any((path / f"{layer}.py").exists() for layer in LAYERS):
            yield path


def test_the_domain_apps_are_found():
    names = {app.name for app in _domain_apps()}
    assert {"accounts", "partnership", "learning", "dissemination", "improvement", "reports"} <= names


def test_no_domain_app_names_a_context_in_a_flat_module():
    flat = [
        f"{app.name}/{path.name}"
        for app in _domain_apps()
        for path in sorted(app.rglob("*.py"))
        if "tests" not in path.relative_to(app).parts and FLAT_CONTEXT_MODULE.match(path.name)
    ]
    assert not flat, f"Put these in a context sub-package as <context>/<layer>.py (ADR 0014): {flat}"


def test_the_contexts_the_adr_names_are_packages_with_pages():
    contexts = {f"{app.name}/{c.name}" for app in _domain_apps() for c in _context_packages(app)}
    assert {
        "learning/register",
        "learning/reviews",
        "learning/summaries",
        "dissemination/plans",
        "dissemination/briefings",
        "dissemination/requests",
        "accounts/users",
    } <= contexts


def test_every_context_package_has_its_pages_and_says_what_it_is():
    incomplete = []
    for app in _domain_apps():
        for context in _context_packages(app):
            if context.name == "views":  # a layer module split by size (partnership/views/), not a context
                continue
            missing = [f for f in ("urls.py", "views.py") if not (context / f).exists()]
            if missing or not (context / "__init__.py").read_text().strip().startswith('"""'):
                incomplete.append(f"{app.name}/{context.name}: {missing or 'no docstring in __init__.py'}")
    assert not incomplete, f"A context package has urls.py, views.py and a docstring (ADR 0014): {incomplete}"


def test_each_context_is_routed_through_its_apps_urls():
    unrouted = []
    for app in _domain_apps():
        urls = (app / "urls.py").read_text() if (app / "urls.py").exists() else ""
        for context in _context_packages(app):
            if context.name != "views" and f".{context.name}.urls" not in urls:
                unrouted.append(f"{app.name}/{context.name}")
    # accounts/users is mounted at accounts/users/ by config/urls.py, beside allauth's accounts/ routes.
    config_urls = (ROOT / "config" / "urls.py").read_text()
    unrouted = [c for c in unrouted if f"learningloop.{c.replace('/', '.')}.urls" not in config_urls]
    assert not unrouted, f"Route these contexts' urlpatterns (ADR 0014): {unrouted}"
