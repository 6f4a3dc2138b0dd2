"""Markup a list writes on every row or option is written in one pass, not a GOV.UK macro call each
(docs/adr/0025-page-cost-that-does-not-grow.md): a select's options and the status tags. The page shows
exactly what the GOV.UK macros would: same label, hint, error, options, selection, classes and escaping.
Hand-written expected HTML, so the test fails if either drifts."""

import re
import time

from django import forms
from django.template import engines
from markupsafe import Markup

from learningloop.core.govuk_forms import field_params
from learningloop.core.jinja import _macro, govuk, govuk_field, govuk_tag
from learningloop.core.presenters import StatusTag


class AgencyFilter(forms.Form):
    agency = forms.ChoiceField(
        label="Provider agency",
        help_text="Who delivered it",
        choices=[("", "Any agency"), ("1", "Health & Care <Trust>"), ("2", 'Police "West"')],
    )


def _normalised(html):
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(html))).strip()


def test_options_selection_and_escaping_as_the_gov_uk_macro_writes_them():
    bf = AgencyFilter(data={"agency": "2"})["agency"]
    html = _normalised(govuk_field(bf))
    assert (
        '<option value="">Any agency</option>'
        '<option value="1">Health &amp; Care &lt;Trust&gt;</option>'
        '<option value="2" selected>Police &#34;West&#34;</option>'
    ) in html
    assert '<label class="govuk-label" for="id_agency"> Provider agency </label>' in html
    assert html.count("<option") == 3 and "placeholder" not in html
    macro_name, params = field_params(bf)
    assert html == _normalised(_macro(macro_name)(params))


def test_an_error_keeps_the_gov_uk_error_message_and_class():
    bf = AgencyFilter(data={"agency": "junk"})["agency"]
    bf.form.is_valid()
    html = _normalised(govuk_field(bf))
    assert "govuk-form-group--error" in html and "govuk-select--error" in html
    assert 'aria-describedby="id_agency-hint id_agency-error"' in html
    assert html.count("<option") == 3 and " selected" not in html
    macro_name, params = field_params(bf)
    assert html == _normalised(_macro(macro_name)(params))


def test_a_thousand_options_cost_a_few_milliseconds():
    """A large partnership's agency filter: about 1,100 agencies and schools."""

    class Big(forms.Form):
        agency = forms.ChoiceField(label="Agency", choices=[(str(i), f"Agency {i}") for i in range(1100)])

    bf = Big(data={"agency": "7"})["agency"]
    govuk_field(bf)  # the GOV.UK templates compiled once
    start = time.perf_counter()
    html = str(govuk_field(bf))
    assert (time.perf_counter() - start) < 0.05  # the GOV.UK macro per option took ~80 ms here
    assert html.count("<option") == 1100 and '<option value="7" selected>Agency 7</option>' in html


def test_a_tag_is_the_gov_uk_tag_markup():
    env = engines["jinja2"].env
    macro = env.get_template("govuk_frontend_jinja/components/tag/macro.html").module.govukTag
    cases = [("Overdue", "govuk-tag--red"), ("Tom & <Jerry>", ""), ("Done", "govuk-tag--green x")]
    for text, classes in cases:
        assert str(govuk_tag(text, classes)).strip() == str(macro({"text": text, "classes": classes})).strip()
    assert _normalised(govuk_tag("Tom & <Jerry>", "govuk-tag--red")) == (
        '<strong class="govuk-tag govuk-tag--red"> Tom &amp; &lt;Jerry&gt; </strong>'
    )


def test_the_status_tag_macro_shows_the_tag_and_its_hint():
    template = engines["jinja2"].from_string(
        '{% import "core/_status_tag.html" as s %}{{ s.status_tag(tag) }}|{{ s.status_tag(tag, hint=False) }}'
    )
    html = template.render({"tag": StatusTag("Overdue", "red", hint="by 3 working days")})
    with_hint, without = html.split("|")
    assert _normalised(with_hint) == (
        '<strong class="govuk-tag govuk-tag--red"> Overdue </strong><br>'
        '<span class="govuk-hint govuk-!-margin-bottom-0">by 3 working days</span>'
    )
    assert _normalised(without) == '<strong class="govuk-tag govuk-tag--red"> Overdue </strong>'


def test_outside_debug_templates_are_compiled_once_and_cached_on_disk(settings, tmp_path):
    """Production (DEBUG off): Jinja does not look for changed template files on every render, keeps
    every compiled template in memory, and keeps the compiled code on disk across restarts."""
    import jinja2
    from django.template.backends.jinja2 import Jinja2

    settings.DEBUG = False
    settings.VAR_DIR = tmp_path
    backend = Jinja2(
        {
            "NAME": "production-like",
            "DIRS": settings.TEMPLATES[0]["DIRS"],
            "APP_DIRS": True,
            "OPTIONS": {"environment": "learningloop.core.jinja.environment"},
        }
    )
    assert backend.env.auto_reload is False
    assert isinstance(backend.env.bytecode_cache, jinja2.FileSystemBytecodeCache)
    assert backend.env.cache.capacity >= 1000
    backend.env.get_template("core/_status_tag.html")
    assert list((tmp_path / "jinja-cache").iterdir())  # the compiled template was written to disk


def test_a_component_drawn_again_is_what_the_gov_uk_macro_writes_for_those_parameters():
    """govuk() and govuk_field keep the markup of parameters already drawn (the layout's footer, a list's
    filters): what they give must always be the macro's output for the parameters of this call."""
    env = engines["jinja2"].env
    footer = env.get_template("govuk_frontend_jinja/components/footer/macro.html").module.govukFooter
    params = {"meta": {"items": [{"href": "/accessibility", "text": "Accessibility statement"}]}}
    assert str(govuk("govukFooter", params)) == str(footer(params)) == str(govuk("govukFooter", params))
    other = {"meta": {"items": [{"href": "/a", "text": "Another link"}]}}
    assert "Another link" in govuk("govukFooter", other) and "Accessibility" not in govuk(
        "govukFooter", other
    )
    # A text and the same characters as HTML are different parameters: one is escaped, the other is not.
    text = str(govuk("govukInput", {"id": "q", "name": "q", "label": {"text": "<b>Search</b>"}}))
    html = str(govuk("govukInput", {"id": "q", "name": "q", "label": {"text": Markup("<b>Search</b>")}}))
    assert "&lt;b&gt;Search&lt;/b&gt;" in text and "<b>Search</b>" in html
    # A filter field with a new value or an error shows them, not the markup drawn for an earlier request.
    first = _normalised(govuk_field(AgencyFilter(data={"agency": "1"})["agency"]))
    second = _normalised(govuk_field(AgencyFilter(data={"agency": "2"})["agency"]))
    assert '<option value="1" selected>' in first and '<option value="2" selected>' in second
    assert '<option value="1" selected>' not in second
    wrong = AgencyFilter(data={"agency": "junk"})
    wrong.is_valid()
    assert "govuk-error-message" in govuk_field(wrong["agency"])
    assert "govuk-error-message" not in govuk_field(AgencyFilter(data={"agency": "1"})["agency"])
