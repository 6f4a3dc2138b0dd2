"""Bad input never gives a 500: every form of the service is posted junk by a persona allowed to use it —
over-long text, NUL characters, impossible numbers and dates, ids that do not exist — and every list page
is given junk filters. Each must answer with a page (or a redirect), never a server error."""

import re

import pytest
from django.urls import reverse

from learningloop.core.tests.test_authorisation_walk import OURS, RULES
from learningloop.core.tests.walk import PUBLIC, SIGNED_IN

JUNK = [
    "x" * 20000,
    "\x00nul",
    "-1",
    "99999999999999999999999",
    "<script>alert(1)</script>",
    "2025-02-30",
    "",
]


def _field_names(html):
    names = set(re.findall(r'<(?:input|select|textarea)[^>]*\sname="([^"]+)"', html))
    return sorted(names - {"csrfmiddlewaretoken"})


def _allowed(user, action):
    from learningloop.core.policy import can

    return action in (SIGNED_IN, PUBLIC) or (action is not None and can(user, action))


@pytest.mark.django_db
@pytest.mark.parametrize("junk", JUNK, ids=["long", "nul", "negative", "huge", "markup", "bad-date", "empty"])
def test_forms_answer_junk_without_a_server_error(junk, make_persona, walk_objects, client):
    user = make_persona("bu_admin")
    client.force_login(user)
    client.raise_request_exception = False
    failures = []
    for name, _ in OURS:
        rule = RULES[name]
        if not _allowed(user, rule.post):
            continue
        url = reverse(name, kwargs=rule.kwargs(walk_objects))
        page = client.get(url)
        fields = _field_names(page.content.decode()) if page.status_code == 200 else []
        data = {field: junk for field in fields}
        response = client.post(url, data)
        if response.status_code >= 500:
            failures.append(f"POST {url} ({name}) with {junk[:12]!r}: {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_list_filters_answer_junk_without_a_server_error(make_persona, walk_objects, client):
    user = make_persona("bu_admin")
    client.force_login(user)
    client.raise_request_exception = False
    failures = []
    for name, _ in OURS:
        rule = RULES[name]
        if not _allowed(user, rule.get) or rule.kwargs(walk_objects):
            continue
        url = reverse(name)
        page = client.get(url)
        if page.status_code != 200 or not page["Content-Type"].startswith("text/html"):
            continue
        fields = _field_names(page.content.decode()) + ["page", "sort", "q"]
        for junk in JUNK:
            response = client.get(url, {field: junk for field in fields})
            if response.status_code >= 500:
                failures.append(f"GET {url} ({name}) with {junk[:12]!r}: {response.status_code}")
    assert not failures, "\n".join(failures)
