"""Browser fixtures: pytest-playwright drives Debian's Chromium (/usr/bin/chromium) against pytest-django's
live_server. Never `playwright install`: the machine has no network for browser downloads.

The default `page` bypasses the Content Security Policy so that axe can be injected; `strict_page` keeps
the policy, to catch CSP violations. Run with `make test-browser` (the `browser` marker is deselected
by default)."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread, which also uses the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run installs it)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "locale": "en-GB"}


@pytest.fixture
def strict_page(browser):
    """A page in a context that enforces the Content Security Policy (no bypass)."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _browser_timeouts(request):
    if "page" in request.fixturenames:
        request.getfixturevalue("page").set_default_timeout(10_000)
