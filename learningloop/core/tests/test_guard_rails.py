"""Guard rails that keep every page honest as the service grows."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from learningloop.core.tests.test_authorisation_walk import OURS, RULES
from learningloop.core.tests.walk import PUBLIC


@pytest.mark.django_db
def test_no_pending_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:
        pytest.fail(f"Model changes without a migration:\n{out.getvalue()}") if exit_.code else None


def _pages_for(user_kind):
    return [name for name, _ in OURS if RULES[name].get is not None]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["bu_admin", "anonymous"])
def test_every_page_has_exactly_one_h1(persona, make_persona, client, walk_objects):
    user = make_persona(persona)
    if user is not None:
        client.force_login(user)
    checked, problems = 0, []
    for name in _pages_for(persona):
        rule = RULES[name]
        if user is None and rule.get != PUBLIC:
            continue
        response = client.get(reverse(name, kwargs=rule.kwargs(walk_objects)))
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        checked += 1
        count = len(re.findall(r"<h1[\s>]", response.content.decode()))
        if count != 1:
            problems.append(f"{name}: {count} <h1> elements")
    assert checked > 0
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_error_pages_have_one_h1_and_no_500(client, bu_admin):
    client.force_login(bu_admin)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response.content.decode().count("<h1") == 1
    assert "Page not found" in response.content.decode()
