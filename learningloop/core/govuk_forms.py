"""Render Django form fields through the GOV.UK Frontend macros.

`field_params(bound_field, **overrides)` turns a BoundField into the macro name and the params dict the
govuk-frontend-jinja macro expects (label, hint, error message, value, items); `error_summary_params(form)`
builds the error summary that links to each field. Templates call the `govuk_field` and
`govuk_error_summary` globals (see core/jinja.py) instead of writing component markup by hand.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django_filters.fields import ModelChoiceIterator as FilterModelChoices

from .kept import kept_rows

# Attributes the macros write themselves, or that GOV.UK leaves to server-side validation.
_OWNED_ATTRS = {
    "id", "name", "class", "type", "value", "rows", "cols", "required", "placeholder",
    "aria-describedby", "aria-invalid", "autocomplete", "spellcheck", "maxlength", "multiple",
}  # fmt: skip


class GovukDateWidget(forms.MultiWidget):
    """Day, month and year boxes: posts <name>-day, <name>-month, <name>-year as govukDateInput does."""

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput, forms.TextInput, forms.TextInput], attrs)
        self.widgets_names = ["-day", "-month", "-year"]

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    widget = GovukDateWidget

    def __init__(self, **kwargs):
        error_messages = {
            "incomplete": "Enter a full date, including the day, month and year",
            **kwargs.pop("error_messages", {}),
        }
        fields = (
            forms.IntegerField(error_messages={"invalid": "Enter the day as a number"}),
            forms.IntegerField(error_messages={"invalid": "Enter the month as a number"}),
            forms.IntegerField(error_messages={"invalid": "Enter the year as a number"}),
        )
        super().__init__(fields, error_messages=error_messages, require_all_fields=False, **kwargs)

    def clean(self, value):
        # Collapse the three parts' messages into one: GOV.UK shows one error per date.
        try:
            return super().clean(value)
        except ValidationError as exc:
            raise ValidationError(exc.messages[0], code="invalid") from None

    def compress(self, data_list):
        if not data_list or all(v in (None, "") for v in data_list):
            return None
        if any(v in (None, "") for v in data_list):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        day, month, year = data_list
        if year < 1900 or year > 2200:
            raise ValidationError("Enter a year between 1900 and 2200", code="invalid")
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise ValidationError("Enter a real date", code="invalid") from None


def _hint(bf):
    if not bf.help_text:
        return None
    if hasattr(bf.help_text, "__html__"):
        return {"html": bf.help_text}
    return {"text": str(bf.help_text)}


def _error(bf):
    return {"text": str(bf.errors[0])} if bf.errors else None


def _attributes(bf):
    attrs = bf.build_widget_attrs(dict(bf.field.widget.attrs))
    return {k: v for k, v in attrs.items() if k not in _OWNED_ATTRS and v not in (None, False)}


def _read_at_once(choices: ModelChoiceIterator):
    """A model field's choices from one plain query. Django's ModelChoiceIterator reads them through
    `.iterator()`, which on PostgreSQL is a server-side cursor: DECLARE, FETCH, FETCH and CLOSE, four round
    trips for a list of twenty themes, three or four lists on every list page's filters."""
    field = choices.field
    if field.empty_label is not None:
        yield ("", field.empty_label)
    if isinstance(choices, FilterModelChoices) and field.null_label is not None:  # django-filter's "none"
        yield (field.null_value, field.null_label)
    # A list's filter shows reference rows (themes, groups...): kept for a minute (core/kept.py). An edit
    # form's choices are always read.
    objects = kept_rows(choices.queryset) if isinstance(choices, FilterModelChoices) else choices.queryset
    for obj in objects:
        yield choices.choice(obj)


def _choice_items(bf, multiple):
    value = bf.value()
    if multiple:
        selected = {str(v) for v in (value or [])}
    else:
        selected = {"" if value is None else str(value)}
    items = []
    choices = bf.field.choices
    if type(choices) in (ModelChoiceIterator, FilterModelChoices):  # a field's own (a short list) stays
        choices = _read_at_once(choices)
    for choice_value, label in choices:
        key = "" if choice_value is None else str(getattr(choice_value, "value", choice_value))
        items.append(
            {"value": key, "text": str(label), "checked": key in selected, "selected": key in selected}
        )
    return items


def field_params(bf, **overrides):
    """Return (macro_name, params) for a bound field; keyword overrides are merged last."""
    widget = bf.field.widget
    base = {"id": bf.auto_id, "name": bf.html_name, "hint": _hint(bf), "errorMessage": _error(bf)}
    attributes = _attributes(bf)
    if attributes:
        base["attributes"] = attributes
    label_text = str(bf.label)
    is_page_heading = overrides.pop("is_page_heading", False)

    if isinstance(widget, GovukDateWidget):
        value = bf.value()
        parts = list(value) if isinstance(value, (list, tuple)) else widget.decompress(value)
        error_class = " govuk-input--error" if bf.errors else ""
        names = [("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4)]
        items = [
            {
                "name": name,
                "label": label,
                "value": "" if parts[i] is None else str(parts[i]),
                "classes": f"govuk-input--width-{width}{error_class}",
            }
            for i, (name, label, width) in enumerate(names)
        ]
        params = {
            **base,
            "namePrefix": bf.html_name,
            "items": items,
            "fieldset": {"legend": {"text": label_text, "isPageHeading": is_page_heading,
                                    "classes": "govuk-fieldset__legend--l" if is_page_heading
                                    else "govuk-fieldset__legend--s"}},
        }  # fmt: skip
        params.pop("name")
        macro = "govukDateInput"
    elif isinstance(widget, forms.RadioSelect):  # includes CheckboxSelectMultiple
        multiple = isinstance(widget, forms.CheckboxSelectMultiple)
        params = {
            **base,
            "idPrefix": bf.auto_id,
            "items": _choice_items(bf, multiple),
            "fieldset": {"legend": {"text": label_text, "isPageHeading": is_page_heading,
                                    "classes": "govuk-fieldset__legend--m"}},
        }  # fmt: skip
        params.pop("id")
        if multiple:
            params["classes"] = "govuk-checkboxes--small"
        macro = "govukCheckboxes" if multiple else "govukRadios"
    elif isinstance(widget, forms.CheckboxInput):
        params = {
            **{k: v for k, v in base.items() if k != "id"},
            "idPrefix": bf.auto_id,
            "items": [{"value": "on", "text": label_text, "checked": bool(bf.value()), "hint": base["hint"]}],
            "classes": "govuk-checkboxes--small",
        }
        params["hint"] = None
        macro = "govukCheckboxes"
    elif isinstance(widget, forms.SelectMultiple):
        params = {
            **base,
            "idPrefix": bf.auto_id,
            "items": _choice_items(bf, True),
            "fieldset": {"legend": {"text": label_text, "classes": "govuk-fieldset__legend--m"}},
            "classes": "govuk-checkboxes--small",
        }
        params.pop("id")
        macro = "govukCheckboxes"
    elif isinstance(widget, forms.Select):
        params = {**base, "label": {"text": label_text}, "items": _choice_items(bf, False)}
        macro = "govukSelect"
    elif isinstance(widget, forms.Textarea):
        params = {
            **base,
            "label": {"text": label_text},
            "value": bf.value() or "",
            "rows": widget.attrs.get("rows", 5),
        }
        macro = "govukTextarea"
    elif isinstance(widget, forms.FileInput):
        params = {**base, "label": {"text": label_text}}
        macro = "govukFileUpload"
    elif isinstance(widget, forms.PasswordInput):
        params = {**base, "label": {"text": label_text}, "autocomplete": widget.attrs.get("autocomplete")}
        macro = "govukPasswordInput"
    else:
        input_type = getattr(widget, "input_type", "text")
        value = widget.format_value(bf.value())
        params = {
            **base,
            "label": {"text": label_text},
            "type": "text" if input_type == "number" else input_type,
            "value": "" if value is None else value,
            "autocomplete": widget.attrs.get("autocomplete"),
            "spellcheck": False if input_type == "email" else None,
        }
        if input_type == "number":
            params["inputmode"] = "numeric"
        macro = "govukInput"

    if is_page_heading and "label" in params:
        params["label"] = {**params["label"], "isPageHeading": True, "classes": "govuk-label--l"}
    params.update(overrides)
    return macro, {k: v for k, v in params.items() if v is not None}


def error_summary_params(form, title="There is a problem"):
    """The error summary: non-field errors as text, each field error linking to its field."""
    items = [{"text": str(e)} for e in form.non_field_errors()]
    for bf in form:
        if bf.errors:
            anchor = (
                f"#{bf.auto_id}-day" if isinstance(bf.field.widget, GovukDateWidget) else f"#{bf.auto_id}"
            )
            items.append({"text": str(bf.errors[0]), "href": anchor})
    return {"titleText": title, "errorList": items}
