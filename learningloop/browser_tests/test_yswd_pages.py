""" "You said, we did" and evidence of impact from audits and surveys through a real browser: the list, an
entry, its add and edit form, the forms that name audit or survey evidence, the key message trail showing
both kinds of evidence, and a published entry on the public hub. Each is checked with axe in its empty,
filled and error states."""

import io

import pytest
from django.core.management import call_command

from learningloop.assurance.models import AssuranceEvidence, YouSaidWeDid
from learningloop.website.models import Publication

from .helpers import axe_check, expect_error_state, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _go(page, live_server, path, what):
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == 200, f"{what}: HTTP {response.status} at {path}"
    axe_check(page, what)


def _submit(page, name):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("load")


def test_you_said_we_did_and_assurance_evidence_pages(page, live_server, settings):
    settings.DEBUG = True
    call_command("load_framework", stdout=io.StringIO())
    from learningloop.devdata.demo import partnership

    partnership.seed()
    sign_in(page, live_server, "admin@example.org", partnership.DEMO_PASSWORD)

    # Empty.
    _go(page, live_server, "/assurance/you-said-we-did/", "you said, we did (none)")

    # Error states: an empty entry and empty evidence forms.
    for path, button, what in (
        ("/assurance/you-said-we-did/new", "Add", "new you said, we did"),
        ("/assurance/evidence/audits/new", "Add evidence", "evidence from audits"),
        ("/assurance/evidence/surveys/new", "Add evidence", "evidence from surveys"),
    ):
        _go(page, live_server, path, what)
        _submit(page, button)
        expect_error_state(page)
        axe_check(page, f"{what} with errors")

    # Filled: the whole demo (audits, surveys, the trail and the hub).
    call_command("seed_demo", stdout=io.StringIO())
    _go(page, live_server, "/assurance/you-said-we-did/", "you said, we did list")
    _go(page, live_server, "/assurance/you-said-we-did/?q=worried&heard_from=children", "list, filtered")
    entry = YouSaidWeDid.objects.filter(survey__isnull=False, question__isnull=False).first()
    _go(page, live_server, f"/assurance/you-said-we-did/{entry.pk}/", "an entry")
    _go(page, live_server, f"/assurance/you-said-we-did/{entry.pk}/edit", "editing an entry")
    page.get_by_label("Headline").fill("")
    _submit(page, "Save")
    expect_error_state(page)
    axe_check(page, "editing an entry with errors")
    for kind in ("audit", "survey"):
        evidence = AssuranceEvidence.objects.get(kind=kind)
        _go(page, live_server, f"/trail/messages/{evidence.key_message_id}/", f"trail evidenced by a {kind}")
    message = AssuranceEvidence.objects.get(kind="audit").key_message_id
    _go(
        page,
        live_server,
        f"/assurance/evidence/audits/new?key_message={message}",
        "audit evidence form, filled",
    )
    published = Publication.objects.filter(kind="you_said_we_did").first()
    _go(page, live_server, f"/publications/{published.slug}/", "a published you said, we did")
