"""One shape for every email: each public function in each app's emails.py has its plain-text and HTML
templates on the shared layout; the layout itself is well-formed, table-based, Arial, nothing fetched."""

import datetime
import importlib
import importlib.util
import inspect

import pytest
from django.apps import apps
from django.template import engines
from django.test import override_settings
from jinja2 import TemplateNotFound

from learningloop.core.emails import Email, render_email

from .email_checks import check_email_html


def email_modules():
    """Every project app's emails.py (core's is the shape itself, not an email)."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("learningloop.") or config.name == "learningloop.core":
            continue
        if importlib.util.find_spec(f"{config.name}.emails") is not None:
            modules.append(importlib.import_module(f"{config.name}.emails"))
    return modules


def email_functions():
    """Each public function of an emails.py is an email (helpers start with an underscore)."""
    found = []
    for module in email_modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                found.append((module.__name__, name, function))
    return found


def _source(template_name):
    env = engines["jinja2"].env
    source, _filename, _uptodate = env.loader.get_source(env, template_name)
    return source


def test_the_walk_finds_the_emails_of_accounts_and_dissemination():
    names = {(module, name) for module, name, _ in email_functions()}
    # A hand-written floor: the emails this service sends today. New ones only add to it.
    assert {
        ("learningloop.accounts.emails", "welcome"),
        ("learningloop.accounts.emails", "password_reset"),
        ("learningloop.accounts.emails", "unknown_account"),
        ("learningloop.dissemination.emails", "request_sent"),
        ("learningloop.dissemination.emails", "response_reminder"),
    } <= names


@pytest.mark.parametrize(
    ("module", "name", "function"), email_functions(), ids=[f"{m}.{n}" for m, n, _ in email_functions()]
)
def test_every_email_function_has_both_templates_on_the_shared_layout(module, name, function):
    for extension in ("txt", "html"):
        try:
            source = _source(f"emails/{name}.{extension}")
        except TemplateNotFound:
            pytest.fail(f"{module}.{name} has no template emails/{name}.{extension}")
        assert f'{{% extends "emails/base.{extension}" %}}' in source
    # Keyword-only arguments, like every service: the call reads as what it is.
    parameters = inspect.signature(function).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters), f"{name}(*, ...)"


def test_email_names_are_unique_across_apps():
    names = [name for _, name, _ in email_functions()]
    assert len(names) == len(set(names)), "two apps define an email of the same name (templates would clash)"


@override_settings(SITE_URL="https://learning.example.org")
def test_the_layout_reads_well_in_email_clients():
    env = engines["jinja2"].env
    child = '{% extends "emails/base.html" %}{% block content %}<p>Hello</p>{% endblock %}'
    html = env.from_string(child).render(
        subject="A subject", service_name="Learning Loop", service_url="https://learning.example.org/"
    )
    checker = check_email_html(html)
    assert "<title>A subject</title>" in html
    assert checker.links == ["https://learning.example.org/"]


@override_settings(SITE_URL="https://learning.example.org/")
def test_render_email_gives_subject_text_and_html_from_the_named_templates():
    email = render_email(
        "request_sent",
        to="lead@example.org",
        subject="Request to embed learning:\n  Chronologies",
        context={
            "recipient_name": "Sam Jones",
            "agency_name": "Northshire Police",
            "title": 'Chronologies & "plans"',
            "due_on": datetime.date(2027, 1, 15),
            "link": "https://learning.example.org/dissemination/responses/7/",
        },
    )
    assert isinstance(email, Email)
    assert email.to == ("lead@example.org",)
    assert email.subject == "Request to embed learning: Chronologies"  # one line, whatever the caller gave
    # The text part is plain text (nothing HTML-escaped); the HTML part is escaped.
    assert 'Chronologies & "plans"' in email.text and "&amp;" not in email.text
    assert "Chronologies &amp; &#34;plans&#34;" in email.html
    assert "https://learning.example.org/\n" in email.text  # the footer links to the service
    check_email_html(email.html)
