"""The authorisation walk for the requests pages alone, with agency scoping: every page × every persona ×
GET and POST. The other agency's lead holds the same role as the home agency's lead, so on pages about the
home agency's response they must get 404 (ScopedRule.other_agency_status), never the page."""

import re

import pytest
from django.urls import reverse

from learningloop.conftest import PERSONAS
from learningloop.core.policy import can

from .walk_rules_requests import RULES

pytestmark = pytest.mark.django_db


def _expected(persona, user, rule, method, action):
    if action is None:
        return (405,) if user is not None else (302,)
    if user is None:
        return (302,)
    if not can(user, action):
        return (rule.denied_status,)
    if persona == "other_agency_lead" and getattr(rule, "other_agency_status", None):
        return (rule.other_agency_status,)
    return (200,) if method == "GET" else (200, 302, 303)


def _is_page(method, response):
    return method == "GET" and response.status_code == 200 and "text/html" in response["Content-Type"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_walk_requests_pages_with_agency_scoping(persona, make_persona, walk_objects, client):
    user = make_persona(persona)
    if user is not None:
        client.force_login(user)
    failures = []
    for name, rule in RULES.items():
        url = reverse(name, kwargs=rule.kwargs(walk_objects))
        for method, action in (("GET", rule.get), ("POST", rule.post)):
            response = client.get(url) if method == "GET" else client.post(url, {})
            expected = _expected(persona, user, rule, method, action)
            if response.status_code not in expected:
                failures.append(f"{method} {name} as {persona}: {response.status_code}, expected {expected}")
            elif user is None and "/accounts/login/" not in response["Location"]:
                failures.append(f"{method} {name} as anonymous: not sent to sign in")
            elif _is_page(method, response) and len(re.findall(r"<h1[\s>]", response.content.decode())) != 1:
                failures.append(f"{name} as {persona}: not exactly one <h1>")
    assert not failures, "\n".join(failures)


def test_other_agency_sees_only_its_own_response_on_the_request(walk_objects, persona_client):
    request = walk_objects["embedding_request"]
    url = reverse("dissemination:request_detail", args=[request.pk])
    page = persona_client("other_agency_lead").get(url).content.decode()
    assert walk_objects["other_agency"].name in page
    assert walk_objects["agency"].name not in page
    page = persona_client("bu_officer").get(url).content.decode()
    assert walk_objects["other_agency"].name in page and walk_objects["agency"].name in page
