"""The GOV.UK form adapter renders Django fields through the Design System's macros."""

import datetime

import pytest
from django import forms
from django.template import engines

from learningloop.core.govuk_forms import GovukDateField, error_summary_params, field_params


class SampleForm(forms.Form):
    name = forms.CharField(label="Name", max_length=10, help_text="As it appears on letters")
    email = forms.EmailField(label="Email address", required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    sector = forms.ChoiceField(
        label="Sector", choices=[("", "Choose"), ("health", "Health"), ("police", "Police")]
    )
    kind = forms.ChoiceField(label="Kind", widget=forms.RadioSelect, choices=[("a", "A"), ("b", "B")])
    roles = forms.MultipleChoiceField(
        label="Roles", widget=forms.CheckboxSelectMultiple, choices=[(1, "One"), (2, "Two")], required=False
    )
    is_school = forms.BooleanField(label="This agency is a school", required=False)
    started = GovukDateField(label="Start date")
    secret = forms.CharField(label="Password", widget=forms.PasswordInput, required=False)
    upload = forms.FileField(label="Evidence", required=False)


def render(template, **context):
    return engines["jinja2"].from_string(template).render(context)


def test_each_widget_picks_its_macro():
    form = SampleForm()
    macros = {bf.name: field_params(bf)[0] for bf in form}
    assert macros == {
        "name": "govukInput",
        "email": "govukInput",
        "notes": "govukTextarea",
        "sector": "govukSelect",
        "kind": "govukRadios",
        "roles": "govukCheckboxes",
        "is_school": "govukCheckboxes",
        "started": "govukDateInput",
        "secret": "govukPasswordInput",
        "upload": "govukFileUpload",
    }


def test_bound_values_are_redisplayed_and_choices_compare_as_strings():
    data = {"name": "Police", "sector": "health", "roles": ["2"], "kind": "b", "is_school": "on"}
    data.update({"started-day": "3", "started-month": "4", "started-year": "2025"})
    form = SampleForm(data=data)
    assert form.is_valid(), form.errors
    html = render("{{ govuk_fields(form) }}", form=form)
    assert 'value="Police"' in html
    assert '<option value="health" selected>' in html
    assert 'value="2" checked' in html
    assert 'value="b" checked' in html
    assert 'name="started-day" type="text" value="3"' in html or 'value="3"' in html
    assert form.cleaned_data["started"] == datetime.date(2025, 4, 3)


def test_errors_show_on_the_field_and_in_a_linked_summary():
    form = SampleForm(
        data={"name": "x" * 11, "started-day": "31", "started-month": "2", "started-year": "2025"}
    )
    assert not form.is_valid()
    html = render("{{ govuk_error_summary(form) }}{{ govuk_fields(form) }}", form=form)
    assert "There is a problem" in html
    assert 'href="#id_name"' in html
    assert 'href="#id_started-day"' in html  # a date links to its first box
    assert 'href="#id_kind"' in html
    assert "Enter a real date" in html
    assert "govuk-form-group--error" in html
    assert "govuk-input--error" in html


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "4", "2025"), "Enter a full date, including the day, month and year"),
        (("x", "4", "2025"), "Enter the day as a number"),
        (("30", "2", "2025"), "Enter a real date"),
        (("1", "1", "1066"), "Enter a year between 1900 and 2200"),
    ],
)
def test_date_field_messages(parts, message):
    day, month, year = parts
    form = SampleForm(data={"started-day": day, "started-month": month, "started-year": year})
    form.is_valid()
    assert form.errors["started"] == [message]


def test_hint_text_is_escaped_but_safe_html_is_kept():
    form = SampleForm()
    form.fields["name"].help_text = "<b>bold</b>"
    html = render("{{ govuk_field(form['name']) }}", form=form)
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_user_input_is_escaped_in_values_and_errors():
    form = SampleForm(data={"name": '<script>alert("x")</script>'})
    form.is_valid()
    html = render("{{ govuk_error_summary(form) }}{{ govuk_fields(form) }}", form=form)
    assert "<script>alert" not in html


def test_non_field_errors_appear_without_a_link():
    form = SampleForm(data={})
    form.is_valid()
    form.add_error(None, "These dates overlap another membership")
    params = error_summary_params(form)
    assert {"text": "These dates overlap another membership"} in params["errorList"]


def test_date_field_takes_its_own_required_message():
    class F(forms.Form):
        due = GovukDateField(label="Due date", error_messages={"required": "Enter the due date"})

    form = F(data={})
    assert not form.is_valid()
    assert form.errors["due"] == ["Enter the due date"]
