"""A select's options are written in one pass (docs/adr/0025-page-cost-that-does-not-grow.md), and the
page shows exactly what the GOV.UK select macro would: same label, hint, error, options, selection and
escaping. Hand-written expected HTML, so the test fails if either drifts."""

import re
import time

from django import forms

from learningloop.core.govuk_forms import field_params
from learningloop.core.jinja import _macro, govuk_field


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
