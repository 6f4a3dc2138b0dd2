"""The authorisation walk over the briefing pages alone (the full walk in core covers every app; this one
keeps the briefing pages' rules checked while other pages are being built)."""

import pytest
from django.urls import reverse

from learningloop.conftest import PERSONAS
from learningloop.core.tests.walk import PUBLIC, SIGNED_IN

from .walk_rules_briefings import RULES


def _allowed(user, action):
    from learningloop.core.policy import can

    if action == PUBLIC:
        return True
    if user is None:
        return False
    return action == SIGNED_IN or can(user, action)


def walk(rules, persona, make_persona, walk_objects, client):
    user = make_persona(persona)
    if user is not None:
        client.force_login(user)
    failures = []
    for name, rule in rules.items():
        url = reverse(name, kwargs=rule.kwargs(walk_objects))
        for method, action in (("GET", rule.get), ("POST", rule.post)):
            response = client.get(url) if method == "GET" else client.post(url, {})
            status = response.status_code
            if user is not None and action is not None and _allowed(user, action):
                ok = status in ((200,) if method == "GET" else (200, 302, 303))
                if ok and method == "GET" and "html" in response.get("Content-Type", ""):
                    ok = response.content.decode().count("<h1") == 1
            elif action is None and user is not None:
                ok = status == 405
            elif user is None:
                ok = status == 302 and "/accounts/login/" in response["Location"]
            else:
                ok = status == rule.denied_status
            if not ok:
                failures.append(f"{method} {url} ({name}) as {persona}: got {status}")
    return failures


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.django_db
def test_walk_briefing_pages(persona, make_persona, walk_objects, client):
    failures = walk(RULES, persona, make_persona, walk_objects, client)
    assert not failures, "\n".join(failures)
