"""One status tag type: every status a page shows is a core.presenters.StatusTag, drawn by the one macro
(jinja2/core/_status_tag.html). These guards fail when a new presenter type with a colour or tag appears
outside core/presenters.py, or when Python code builds GOV.UK tag classes by hand."""

import dataclasses
import datetime
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

import learningloop
from learningloop.core.presenters import StatusTag

TAG_FIELDS = {"colour", "color", "tag", "tag_colour", "tag_class", "tag_classes"}
ROOT = Path(learningloop.__file__).parent


def _modules():
    for info in pkgutil.walk_packages(learningloop.__path__, "learningloop."):
        name = info.name
        if any(part in name for part in (".tests", ".migrations", "browser_tests", ".management")):
            continue
        if name.endswith((".production", ".wsgi")):
            continue
        yield importlib.import_module(name)


def test_no_status_type_but_the_one_status_tag():
    strays = []
    for module in _modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or cls is StatusTag:
                continue
            names = {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
            names |= set(getattr(cls, "_fields", ()))  # a NamedTuple
            if names & TAG_FIELDS:
                strays.append(f"{cls.__module__}.{cls.__name__}")
    assert strays == [], f"Show statuses as core.presenters.StatusTag, not: {strays}"


def test_no_python_builds_govuk_tag_classes_by_hand():
    presenters = ROOT / "core" / "presenters.py"
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if path != presenters
        and not {"tests", "migrations", "browser_tests"} & set(path.relative_to(ROOT).parts)
        and "govuk-tag--" in path.read_text()
    ]
    assert offenders == [], f"Build a StatusTag (its colour) instead of tag classes in: {offenders}"


@pytest.mark.django_db
def test_the_requests_pages_draw_the_response_status_with_the_one_tag(persona_client):
    """A response still to answer after its request's due date shows the red "Overdue" tag; one still in
    time shows "Sent" in grey: both drawn by the shared macro on the request's page."""
    from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory

    today = timezone.localdate()
    late = RequestFactory(due_on=today - datetime.timedelta(days=1))
    ResponseFactory(request=late)
    in_time = RequestFactory(due_on=today + datetime.timedelta(days=7))
    ResponseFactory(request=in_time)
    client = persona_client("bu_admin")

    late_page = client.get(reverse("dissemination:request_detail", args=[late.pk])).text
    assert re.search(r'class="govuk-tag govuk-tag--red">\s*Overdue\s*<', late_page)
    in_time_page = client.get(reverse("dissemination:request_detail", args=[in_time.pk])).text
    assert re.search(r'class="govuk-tag govuk-tag--grey">\s*Sent\s*<', in_time_page)
    assert "Overdue" not in in_time_page
