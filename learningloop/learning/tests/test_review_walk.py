"""The authorisation walk over the case review pages only, so this area is checked even while other
areas' pages are being added (the full walk is core/tests/test_authorisation_walk.py)."""

import pytest
from django.urls import reverse

from learningloop.conftest import PERSONAS
from learningloop.core.tests.test_authorisation_walk import _allowed

from .walk_rules_reviews import RULES


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.django_db
def test_walk_review_urls(persona, make_persona, walk_objects, client):
    user = make_persona(persona)
    if user is not None:
        client.force_login(user)
    failures = []
    for name, rule in RULES.items():
        url = reverse(name, kwargs=rule.kwargs(walk_objects))
        for method, action in (("GET", rule.get), ("POST", rule.post)):
            response = client.get(url) if method == "GET" else client.post(url, {})
            status = response.status_code
            if user is not None and action is not None and _allowed(user, action):
                ok = status in ((200,) if method == "GET" else (200, 302, 303))
            elif action is None and user is not None:
                ok = status == 405
            elif user is None:
                ok = status == 302 and "/accounts/login/" in response["Location"]
            else:
                ok = status == rule.denied_status
            if not ok:
                failures.append(f"{method} {url} ({name}) as {persona}: got {status}")
    assert not failures, "\n".join(failures)
