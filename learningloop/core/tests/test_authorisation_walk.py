"""Every URL pattern × every persona × GET and POST, compared with the permissions policy.

A new URL that no app's walk_rules.py covers makes this test fail. Third-party pages (django-allauth's
account pages, Django's admin) are walked too, with their own expectations below."""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import learningloop
from learningloop.conftest import PERSONAS
from learningloop.core.policy import POLICY
from learningloop.core.tests.walk import PUBLIC, SIGNED_IN


def _collect_rules():
    rules = {}
    for module in pkgutil.walk_packages(learningloop.__path__, "learningloop."):
        if module.name.endswith(".tests.walk_rules"):
            found = importlib.import_module(module.name).RULES
            overlap = set(rules) & set(found)
            assert not overlap, f"URL names covered twice: {overlap}"
            rules.update(found)
    return rules


RULES = _collect_rules()


def _walk(resolver, namespace="", prefix=""):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _walk(p, ns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            module = getattr(p.callback, "__module__", "")
            yield (f"{namespace}{p.name}" if p.name else None), prefix + str(p.pattern), module


ALL_PATTERNS = list(_walk(get_resolver()))
OURS = [(name, route) for name, route, module in ALL_PATTERNS if module.startswith("learningloop")]
ALLAUTH = [
    (name, route)
    for name, route, module in ALL_PATTERNS
    if module.startswith("allauth")
    or (route.startswith("accounts/") and not module.startswith("learningloop"))
]
ADMIN = [(name, route) for name, route, module in ALL_PATTERNS if route.startswith("django-admin/")]


def test_every_url_of_ours_has_a_rule():
    missing = sorted(f"{name} ({route})" for name, route in OURS if name not in RULES)
    assert not missing, "Add these URL names to a walk_rules.py: " + ", ".join(missing)
    stale = sorted(set(RULES) - {name for name, _ in OURS})
    assert not stale, f"Rules for URL names that no longer exist: {stale}"
    for name, rule in RULES.items():
        for action in (rule.get, rule.post):
            assert action in (None, PUBLIC, SIGNED_IN) or action in POLICY, f"{name}: unknown action {action}"


def test_every_url_pattern_is_classified():
    classified = {route for _, route in OURS + ALLAUTH + ADMIN}
    unclassified = [route for _, route, _ in ALL_PATTERNS if route not in classified]
    assert not unclassified, f"URL patterns outside our apps, allauth and the admin: {unclassified}"


def _allowed(user, action):
    from learningloop.core.policy import can

    if action == PUBLIC:
        return True
    if user is None:
        return False
    if action == SIGNED_IN:
        return True
    return can(user, action)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.django_db
def test_walk_our_urls(persona, make_persona, walk_objects, client):
    user = make_persona(persona)
    if user is not None:
        client.force_login(user)
    failures = []
    for name, _ in OURS:
        rule = RULES[name]
        url = reverse(name, kwargs=rule.kwargs(walk_objects))
        for method, action in (("GET", rule.get), ("POST", rule.post)):
            response = client.get(url) if method == "GET" else client.post(url, {})
            status = response.status_code
            other_agency = (
                rule.scoped is not None
                and user is not None
                and user.agency_id != walk_objects["agency"].pk
                and not _allowed(user, rule.scoped.reach)
            )
            if other_agency and action not in (None, PUBLIC) and _allowed(user, action):
                ok = status == rule.scoped.status
                expected = f"{rule.scoped.status} (another agency's record)"
            elif action == PUBLIC or (user is not None and action is not None and _allowed(user, action)):
                ok = status in ((200,) if method == "GET" else (200, 302, 303))
                expected = "200" if method == "GET" else "200/302"
            elif action is None and (user is not None or rule.get == PUBLIC):
                ok = status == 405
                expected = "405"
            elif user is None:
                ok = status == 302 and "/accounts/login/" in response["Location"]
                expected = "redirect to sign in"
            else:
                ok = status == rule.denied_status
                expected = str(rule.denied_status)
            if not ok:
                failures.append(f"{method} {url} ({name}) as {persona}: got {status}, expected {expected}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("persona", ["anonymous", "bu_admin", "agency_lead"])
@pytest.mark.django_db
def test_walk_admin_is_closed_to_non_staff(persona, make_persona, client):
    user = make_persona(persona)
    if user is not None:
        client.force_login(user)
    for name, route in ADMIN:
        if "<" in route or name is None or name in ("admin:login", "admin:logout"):
            continue
        response = client.get(reverse(name))
        assert response.status_code == 302, f"{route} as {persona}: {response.status_code}"
        assert "/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["anonymous", "agency_lead"])
@pytest.mark.django_db
def test_walk_account_pages_never_fail(persona, make_persona, client):
    user = make_persona(persona)
    if user is not None:
        client.force_login(user)
    for name, route in ALLAUTH:
        if "<" in route or name is None:
            continue
        response = client.get(reverse(name))
        assert response.status_code in (200, 302, 401, 404), f"{route} as {persona}: {response.status_code}"
