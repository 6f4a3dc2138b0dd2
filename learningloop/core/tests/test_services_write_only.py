"""Services hold only writes (engineering.md): every public function in a `services.py` module is named
`<entity>_<verb>` with a verb that changes something. A read found there belongs on a QuerySet or Manager
of the model it returns (`CaseReview.objects.for_list()`, `Agency.objects.on_the_ldg()`); page wording
belongs in a presenter."""

import importlib
import inspect
import re
from pathlib import Path

import pytest

import learningloop

# Written by hand from the services as they stand: each one changes records or sends something.
WRITE_VERBS = [
    "accept",  # an offered training place
    "add",
    "attach",
    "bulk_update",
    "cancel",  # a training booking, session or meeting
    "correct",
    "create",
    "delete",
    "edit",
    "issue",
    "end",
    "expire_offers",  # offered training places not accepted in time
    "mark_draft",
    "mark_ready",
    "mark_viewed",
    "mark_used",  # a personal access token, when the data feed accepts it
    "move",
    "publish",
    "ratify",
    "reactivate",
    "record",
    "record_update",
    "retire",
    "revoke",  # a personal access token
    "reset",
    "reopen",
    "review",
    "save",
    "send",
    "start",
    "submit",
    "transition",
    "update",
    "upload",
    "write",
    "withdraw",  # a partner's sign-off of the yearly report, with a reason
]

# Public functions that are not writes but stay in a services module, each with its reason.
EXCEPTIONS = {
    "learningloop.accounts.users.services.create_user": (
        "a write; its older verb-first name is kept for the account pages and allauth's flow"
    ),
    "learningloop.learning.services.ensure_editable": (
        "the rule every summary write checks first (raises TransitionRefused); no read of its own"
    ),
    "learningloop.improvement.services.check_transition": (
        "the status rule every action update checks first (raises ValidationError); no read"
    ),
    "learningloop.dissemination.briefings.services.sanitise": (
        "cleans the HTML a briefing write stores; text in, text out, no read"
    ),
    "learningloop.dissemination.briefings.services.safe_html": (
        "the same cleaning for display of stored briefing text; text in, text out, no read"
    ),
    "learningloop.dissemination.briefings.services.plain_text": (
        "the same cleaning for plain-text exports; text in, text out, no read"
    ),
    "learningloop.dissemination.briefings.services.missing_for_ready": (
        "the rule briefing_mark_ready checks (what a briefing lacks before it is ready); also shown on "
        "the page so the user knows what to add"
    ),
}

_WRITE_NAME = re.compile(
    r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*?_(?:" + "|".join(WRITE_VERBS) + r")(?:_for_[a-z0-9_]+)?$"
)


def is_write_name(name: str) -> bool:
    return bool(_WRITE_NAME.match(name))


def _services_modules():
    root = Path(learningloop.__file__).parent
    for path in sorted(root.rglob("services.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        yield importlib.import_module(".".join(parts))


def _public_functions():
    for module in _services_modules():
        for name, obj in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(obj) or obj.__module__ != module.__name__:
                continue
            yield f"{module.__name__}.{name}", name


def test_every_services_module_is_found():
    found = {m.__name__ for m in _services_modules()}
    assert "learningloop.learning.reviews.services" in found
    assert "learningloop.dissemination.requests.services" in found
    assert len(found) >= 10


def test_every_public_service_function_is_a_write():
    offenders = [
        qualified
        for qualified, name in _public_functions()
        if not is_write_name(name) and qualified not in EXCEPTIONS
    ]
    assert not offenders, (
        "These public functions in services modules are not named <entity>_<verb> with a write verb "
        f"({', '.join(WRITE_VERBS)}). If it is a read, move it to a QuerySet or Manager method on the model "
        "it returns and update its callers; if it is page wording, to a presenter; if it is a write, "
        "name it <entity>_<verb>; otherwise list it in EXCEPTIONS with the reason:\n  "
        + "\n  ".join(offenders)
    )


def test_every_exception_still_exists():
    """The exceptions stay honest: one whose function has gone or moved is taken off the list."""
    present = {qualified for qualified, _ in _public_functions()}
    assert set(EXCEPTIONS) <= present, sorted(set(EXCEPTIONS) - present)


@pytest.mark.parametrize(
    "name",
    [
        "case_review_save",
        "briefing_mark_ready",
        "response_mark_viewed",
        "action_record_update",
        "actions_bulk_update",
        "plan_create_for_summary",
        "preset_item_end",
    ],
)
def test_write_names_pass(name):
    assert is_write_name(name)


@pytest.mark.parametrize(
    "name",
    [
        # Reads that used to live in services, and would be caught if they came back.
        "similar_findings",
        "theme_recurrence",
        "reviews_for_list",
        "overdue_review_ids",
        "conversions",
        "cspr_panel",
        "ldg_agency_ids",
        "strategic_leads",
        "due_date",
        "active_agencies",
        "open_memberships",
        "today",
        "activity_completed_without_findings",
        "summary_prefill",
        # A bare verb names no entity.
        "save",
    ],
)
def test_read_names_are_caught(name):
    assert not is_write_name(name)
