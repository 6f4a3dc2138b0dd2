"""The load of `make load-test` (scripts/load-test.sh): people of a large partnership using Learning Loop at
once, each pausing between pages as a person does.

- Business unit officers (2 in 5): read the lists and records of every area, filter and sort lists, save an
  action or an activity with the version the form was opened at (and, now and then, the edit conflict: two
  copies of one form, the second refused with 409 and nothing written), export spreadsheets, download
  Summary of Learning documents (Word, PDF) and uploaded files.
- Agency strategic leads (3 in 5): their agency's actions, the requests to agencies and their agency's
  responses, summaries, and the records they click through to from those lists.

Only loopback addresses may be the target (the run refuses any other host). At the end it prints requests,
failures and the 50th/95th/99th percentiles, and exits non-zero on any failure or a 95th percentile at or
over LOAD_P95_LIMIT_MS (800)."""

import json
import os
import random
import re
from html.parser import HTMLParser
from urllib.parse import urlparse

from locust import HttpUser, between, events, task

FIXTURE = json.loads(open(os.environ["LOAD_FIXTURE"]).read())  # noqa: PTH123, SIM115 - read once at start
PASSWORD = os.environ["LOAD_PASSWORD"]
P95_LIMIT_MS = int(os.environ.get("LOAD_P95_LIMIT_MS", "800"))
WORDS = ["neglect", "school", "review", "health", "training", "audit", "policy"]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@events.test_start.add_listener
def _only_loopback(environment, **kwargs):
    host = urlparse(environment.host or "").hostname or ""
    if host not in LOOPBACK and not host.startswith("127."):
        raise SystemExit(f"load test: refusing to send load to {environment.host!r}: loopback addresses only")


class FormReader(HTMLParser):
    """The fields a browser would send for the page's main form, as the page shows them."""

    def __init__(self):
        super().__init__()
        self.forms, self._select, self._textarea, self._option_value = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append(
                {"action": a.get("action"), "method": (a.get("method") or "get").lower(), "data": []}
            )
            return
        if not self.forms:
            return
        data = self.forms[-1]["data"]
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            data.append((name, a.get("value") or ("on" if kind in {"checkbox", "radio"} else "")))
        elif tag == "select" and name:
            self._select = {"name": name, "first": None, "chosen": [], "multiple": "multiple" in a}
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in a:
                self._select["chosen"].append(value)
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            s, self._select = self._select, None
            values = s["chosen"] or ([] if s["multiple"] or s["first"] is None else [s["first"]])
            self.forms[-1]["data"].extend((s["name"], v) for v in values)
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self._textarea = None
            self.forms[-1]["data"].append((name, text.removeprefix("\n")))


ERROR_MESSAGE = re.compile(r'class="govuk-error-message"[^>]*>(.*?)</p>', re.S)


def edit_form(html: str):
    """The form that carries the record's version (the edit form), as a list of (name, value)."""
    reader = FormReader()
    reader.feed(html)
    for form in reader.forms:
        if form["method"] == "post" and any(name == "version" for name, _ in form["data"]):
            return form["data"]
    return None


def links(html: str, pattern: str) -> list[str]:
    return sorted(set(re.findall(rf'href="({pattern})"', html)))


class Person(HttpUser):
    abstract = True
    wait_time = between(2, 6)  # reading a page, choosing the next
    emails: list[str] = []

    def on_start(self):
        email = random.choice(self.emails)
        # Each person has their own address, as behind the reverse proxy in production (the run trusts one
        # proxy): sign-in throttles count per person's address, not for the whole load at once.
        self.client.headers["X-Forwarded-For"] = f"127.0.{random.randint(1, 250)}.{random.randint(1, 250)}"
        page = self.client.get("/accounts/login/", name="sign in (page)")
        token = self.client.cookies.get("csrftoken", "")
        with self.client.post(
            "/accounts/login/",
            data={"login": email, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": page.url},
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in as {email} answered {response.status_code}")

    def page(self, url, name):
        return self.client.get(url, name=name)

    def visit_one_of(self, html, pattern, name):
        found = links(html, pattern)
        if found:
            self.page(random.choice(found), name)


class BusinessUnitOfficer(Person):
    weight = 2
    emails = FIXTURE["officers"]

    def pick(self, kind):
        return random.choice(FIXTURE[kind])

    # Reading lists and records
    @task(6)
    def lists(self):
        url, name = random.choice(
            [
                ("/", "home"),
                ("/learning/activities/", "activity list"),
                ("/learning/reviews/", "review list"),
                ("/learning/summaries/", "summary list"),
                ("/dissemination/plans/", "plan list"),
                ("/dissemination/requests/", "request list"),
                ("/dissemination/requests/outstanding/", "outstanding responses"),
                ("/actions/", "action list"),
                ("/actions/overdue/", "overdue actions"),
                ("/partnership/agencies/", "agency list"),
                ("/partnership/people/", "people list"),
            ]
        )
        self.page(url, name)

    @task(6)
    def records(self):
        kind, url, name = random.choice(
            [
                ("activities", "/learning/activities/{}/", "activity detail"),
                ("findings", "/learning/findings/{}/", "finding detail"),
                ("open_actions", "/actions/{}/", "action detail"),
                ("summaries", "/learning/summaries/{}/", "summary detail"),
                ("plans", "/dissemination/plans/{}/", "plan detail"),
                ("requests", "/dissemination/requests/{}/", "request detail"),
                ("responses", "/dissemination/responses/{}/", "response detail"),
            ]
        )
        if FIXTURE[kind]:
            self.page(url.format(self.pick(kind)), name)

    # Filtering and sorting
    @task(3)
    def filtering(self):
        url, name = random.choice(
            [
                (f"/learning/activities/?q={random.choice(WORDS)}", "activity list (search)"),
                ("/actions/?status=in_progress&due=overdue", "action list (filtered)"),
                ("/learning/activities/?sort=-completed", "activity list (sorted)"),
                (f"/actions/?q={random.choice(['training', 'audit', 'policy'])}", "action list (search)"),
                ("/partnership/people/?q=smith", "people list (search)"),
                ("/learning/activities/?page=3", "activity list (page 3)"),
            ]
        )  # fmt: skip
        self.page(url, name)

    # Saving an edit with its version
    @task(2)
    def save_an_edit(self):
        kind, url, name = random.choice(
            [
                ("open_actions", "/actions/{}/edit", "action edit"),
                ("activities", "/learning/activities/{}/edit", "activity edit"),
            ]
        )
        url = url.format(self.pick(kind))
        form = self.client.get(url, name=f"{name} (form)")
        data = edit_form(form.text) if form.status_code == 200 else None
        if data is None:
            return
        self._save(url, data, form.url, f"{name} (save)")

    def _save(self, url, data, referer, name):
        """Post an edit form; the status the service answered."""
        with self.client.post(
            url,
            data=data,
            headers={"Referer": referer},
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # 302: saved. 409: someone else saved this record since (another simulated officer): the
            # conflict page, nothing written, which is right.
            if response.status_code in (302, 409):
                response.success()
            else:
                # The form's error messages, if it came back with any, say why (the run keeps no page).
                said = [re.sub(r"<[^>]+>", "", m).strip() for m in ERROR_MESSAGE.findall(response.text or "")]
                reason = f": {'; '.join(said)}" if said else ""
                response.failure(f"saving {url} answered {response.status_code}{reason}")
        return response.status_code

    @task(1)
    def edit_conflict(self):
        """Two tabs open on one action; the first save wins, the second is refused with 409."""
        url = f"/actions/{self.pick('open_actions')}/edit"
        first = self.client.get(url, name="action edit (form)")
        second = self.client.get(url, name="action edit (form)")
        data_first, data_second = edit_form(first.text), edit_form(second.text)
        if not data_first or not data_second:
            return
        saved = self._save(url, data_first, first.url, "action edit (save)")
        if saved != 302 or dict(data_first).get("version") != dict(data_second).get("version"):
            # Another simulated officer saved the action between the two tabs' loads, or before the first
            # tab's save: the second tab is not stale then, and saving it is right. Not a conflict to test.
            return
        with self.client.post(
            url, data=data_second, headers={"Referer": second.url}, name="action edit (conflict)",
            allow_redirects=False, catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code == 409:
                response.success()
            else:
                response.failure(f"a stale version was answered {response.status_code}, not 409")

    # Exporting and downloading documents
    @task(1)
    def export(self):
        url, name = random.choice(
            [
                ("/actions/export.xlsx", "action export (xlsx)"),
                ("/learning/activities/export.csv", "activity export (csv)"),
                ("/partnership/agencies/export.csv", "agency export (csv)"),
            ]
        )
        self.page(url, name)

    @task(1)
    def download(self):
        choice = random.random()
        if choice < 0.4 and FIXTURE["documents"]:
            self.page(f"/learning/documents/{random.choice(FIXTURE['documents'])}/", "uploaded document")
        elif choice < 0.75:
            self.page(
                f"/learning/summaries/{self.pick('summaries')}/summary-of-learning.docx", "summary (docx)"
            )
        else:
            self.page(
                f"/learning/summaries/{self.pick('summaries')}/summary-of-learning.pdf", "summary (pdf)"
            )


class AgencyLead(Person):
    weight = 3
    emails = FIXTURE["leads"]

    @task(4)
    def my_actions(self):
        html = self.page("/actions/mine/", "my agency's actions").text
        self.visit_one_of(html, r"/actions/\d+/", "action detail")

    @task(4)
    def requests_and_responses(self):
        html = self.page("/dissemination/requests/", "request list").text
        found = links(html, r"/dissemination/requests/\d+/")
        if found:
            detail = self.page(random.choice(found), "request detail").text
            self.visit_one_of(detail, r"/dissemination/responses/\d+/", "response detail")

    @task(2)
    def home_and_learning(self):
        self.page("/", "home")
        html = self.page("/learning/summaries/", "summary list").text
        self.visit_one_of(html, r"/learning/summaries/\d+/", "summary detail")

    @task(1)
    def export(self):
        self.page("/actions/export.xlsx", "action export (xlsx)")


@events.quitting.add_listener
def _verdict(environment, **kwargs):
    total = environment.stats.total
    p50, p95, p99 = (total.get_response_time_percentile(q) for q in (0.5, 0.95, 0.99))
    print(
        f"\nLOAD RESULT: {total.num_requests} requests, {total.num_failures} failures, "
        f"{total.total_rps:.1f} requests/s, p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms "
        f"(limit: no failures, p95 under {P95_LIMIT_MS} ms)"
    )
    if total.num_requests == 0 or total.num_failures > 0 or p95 >= P95_LIMIT_MS:
        print("LOAD RESULT: FAILED")
        environment.process_exit_code = 1
    else:
        print("LOAD RESULT: passed")
        environment.process_exit_code = 0
