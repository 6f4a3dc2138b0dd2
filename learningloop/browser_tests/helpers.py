"""Helpers for the browser tests: sign in through the real form, run axe, fill GOV.UK form fields."""

import functools
import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from learningloop.accounts.tests.factories import PASSWORD

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}
AXE_RUN = """async (tags) => await axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"""


def axe_check(page: Page, context: str = ""):
    """Run axe on the current page; fail on any serious or critical WCAG 2.2 AA violation."""
    assert AXE_JS.exists(), f"{AXE_JS} is missing: run `make setup` (npm ci installs axe-core)"
    page.wait_for_load_state("load")
    # Evaluated through the DevTools protocol rather than added as a <script>: the page's Content Security
    # Policy does not apply, so axe runs on `strict_page` too, with the policy still enforced for the page.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    result = page.evaluate(AXE_RUN, AXE_TAGS)
    violations = result["violations"]
    failing = [v for v in violations if v.get("impact") in FAILING_IMPACTS]
    others = [v for v in violations if v.get("impact") not in FAILING_IMPACTS]
    where = f"{context} ({page.url})" if context else page.url
    if others:
        print(f"\naxe: {len(others)} minor/moderate violation(s) on {where} (not failing):")
        print(_describe(others))
    heading = f"axe found {len(failing)} serious/critical violation(s) on {where}:"
    assert not failing, heading + "\n" + _describe(failing)
    return result


@functools.cache
def _axe_source():
    return AXE_JS.read_text(encoding="utf-8") + "\n;void 0;"


def _describe(violations):
    lines = []
    for v in violations:
        lines.append(f"- [{v.get('impact')}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            target = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n       ")
            if summary:
                lines.append(f"       {summary}")
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more element(s)")
    return "\n".join(lines)


def sign_in(page: Page, live_server, email: str, password: str = PASSWORD):
    """Sign in through the real sign-in form at /accounts/login/."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=False).first.fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("load")
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def fill_choice(page: Page, label: str, option: str):
    """Choose `option` in the field labelled `label`, whether it is a <select> or a group of radios."""
    field = page.get_by_label(label, exact=True)
    if field.count() == 1 and field.evaluate("el => el.tagName") == "SELECT":
        value = field.locator("option", has_text=option).first.get_attribute("value")
        field.select_option(value=value)
        return
    group = page.get_by_role("group", name=label, exact=True)
    group.get_by_label(option, exact=True).check()


def fill_date(page: Page, legend: str, day: int, month: int, year: int):
    """Fill a GOV.UK date input (a fieldset with Day, Month and Year boxes)."""
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day))
    group.get_by_label("Month").fill(str(month))
    group.get_by_label("Year").fill(str(year))


def expect_error_state(page: Page):
    """The GOV.UK error pattern: an error summary, and "Error: " at the start of the page title."""
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-message").first).to_be_visible()


def expect_banner(page: Page, text: str):
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)


def expect_saved_without_errors(page: Page):
    """After submitting a filled form: no error summary (its text is shown if there is one)."""
    page.wait_for_load_state("load")
    summary = page.locator(".govuk-error-summary")
    assert summary.count() == 0, f"The form was not saved ({page.url}):\n{summary.first.inner_text()}"
