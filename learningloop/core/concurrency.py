"""Optimistic locking: two people editing the same record never silently overwrite each other.

A versioned model has a `version` number. Its edit form carries the version the editor started from
(`VersionedFormMixin`). Saving claims the next version with one conditional UPDATE (`claim_version`):
if someone else saved first, nothing is written and `EditConflict` carries the saved record, and the
view answers with the conflict page (`conflict_response`) showing both versions side by side."""

import datetime

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.shortcuts import render

from .dates import format_date


class EditConflict(Exception):
    def __init__(self, saved):
        super().__init__("The record was changed by someone else")
        self.saved = saved


class VersionedFormMixin(forms.Form):
    """Adds the hidden version field to a ModelForm of a model with a `version` field.

    The version is the form's instance's, unless the form guards its record through another one (a key
    message is guarded by its summary's version): such a form overrides `versioned_object()` and names
    that record's model in `versioned_model`."""

    versioned_model = None  # None: the form's own model

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": "This form is out of date. Open the page again and re-enter your changes",
            "invalid": "This form is out of date. Open the page again and re-enter your changes",
            "min_value": "This form is out of date. Open the page again and re-enter your changes",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        guarded = self.versioned_object()
        if guarded is not None and guarded.pk:
            self.fields["version"].initial = guarded.version
        else:
            self.fields["version"].required = False

    def versioned_object(self):
        """The saved record whose version guards this edit (None for a new record)."""
        return getattr(self, "instance", None)

    def clean(self):
        cleaned = super().clean()
        # The version is a hidden field: its message goes at the top of the error summary, not as a link
        # to a field nobody can see.
        if errors := self._errors.pop("version", None):
            self.add_error(None, errors)
        return cleaned


def claim_version(instance, expected_version) -> None:
    """Claim the next version of a saved record, or raise EditConflict with the record as saved now.

    Call inside the transaction that saves the edit, before saving it."""
    model = type(instance)
    if instance.pk is None:
        return
    claimed = model.objects.filter(pk=instance.pk, version=expected_version).update(version=F("version") + 1)
    if not claimed:
        raise EditConflict(model.objects.get(pk=instance.pk))
    instance.version = expected_version + 1


class RecordsChanged(EditConflict):
    """Several records were to change together, and some changed since the page was opened (`changed`: those
    records as saved now, or as they were if they are gone)."""

    def __init__(self, changed):
        super().__init__(changed)
        self.changed = list(changed)


def claim_versions(queryset, expected: dict[int, int | None]) -> list:
    """All or nothing: claim the next version of every record in `queryset` (the records the change applies
    to now), each from the version the page showed (`expected`: pk -> version). If any record changed since,
    is new since, or is no longer among them, no version is claimed and RecordsChanged names them all.
    Returns the records, at their claimed versions, to change and save in the same transaction."""
    records = list(queryset)
    model = queryset.model
    changed = []
    with transaction.atomic():  # a savepoint: a refusal undoes the claims already made
        for record in records:
            version = expected.get(record.pk)
            claimed = version is not None and (
                model.objects.filter(pk=record.pk, version=version).update(version=F("version") + 1)
            )
            if claimed:
                record.version = version + 1
            else:
                changed.append(record)
        gone = set(expected) - {r.pk for r in records}
        changed += list(model._default_manager.filter(pk__in=gone))
        if changed:
            raise RecordsChanged(changed)
    return records


def version_fields(records, prefix: str) -> list[tuple[str, int]]:
    """The hidden fields (name, value) a confirmation page carries so that the POST can claim each
    record's version: "<prefix>-<pk>" = version."""
    return [(f"{prefix}-{record.pk}", record.version) for record in records]


def versions_from(data, prefix: str) -> dict[int, int | None]:
    """The versions a page posted back (see version_fields): pk -> version, None for a value that is not a
    whole number (so that record counts as changed, never as a 500)."""
    versions: dict[int, int | None] = {}
    for name, value in data.items():
        head, _, pk = name.rpartition("-")
        if head != prefix or not pk.isdigit():
            continue
        versions[int(pk)] = int(value) if str(value).isdigit() else None
    return versions


def records_changed_message(changed, describe=str) -> str:
    """For a change to several records at once refused by RecordsChanged: which ones, and that nothing
    was changed."""
    names = ", ".join(f"“{describe(record)}”" for record in changed)
    return (
        f"Someone else changed {names} while you were working on {'it' if len(changed) == 1 else 'them'}. "
        "Nothing has been changed: check the latest version and try again"
    )


def bump_version(instance) -> None:
    """A change made without an edit form (end, reactivate, a workflow step already checked under its own
    rule): the record moves to its next version, so any edit form opened before it is refused as a
    conflict instead of writing back what was there before."""
    model = type(instance)
    model.objects.filter(pk=instance.pk).update(version=F("version") + 1)
    instance.version = model.objects.values_list("version", flat=True).get(pk=instance.pk)


def versioned_save(form):
    """Save a valid VersionedFormMixin ModelForm: claim the next version, then save the form (with its
    many-to-many fields). Raises EditConflict, saving nothing, if someone saved since the form was opened.

    Call inside a transaction (`core.views_kit.edit_with_conflict` opens one)."""
    claim_version(form.versioned_object(), form.cleaned_data.get("version"))
    return form.save()


def conflict_message(what="this record"):
    """For a button press (submit, mark ready) made on an out-of-date page: nothing was changed."""
    return (
        f"Someone else changed {what} while you were working on it. "
        "Nothing has been changed: check the latest version and try again"
    )


def _display(value):
    if value is None or value == "":
        return "Not set"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, (list, tuple, set, models.QuerySet)):
        return ", ".join(str(v) for v in value) or "None"
    if isinstance(value, models.Model):
        return str(value)
    return str(value)


def _saved_value(saved, name):
    value = getattr(saved, name, None)
    if hasattr(value, "all"):  # a many-to-many manager
        return list(value.all())
    display = getattr(saved, f"get_{name}_display", None)
    return display() if display else value


def _your_value(form, name, field):
    value = form.cleaned_data.get(name)
    if isinstance(field, forms.ModelChoiceField | forms.ModelMultipleChoiceField):
        return value
    labels = {str(k): v for k, v in getattr(field, "choices", [])}
    if not labels:
        return value
    if isinstance(value, list | tuple):
        return [labels.get(str(v), v) for v in value]
    return labels.get(str(value), value)


def conflict_rows(form, saved):
    """(label, your value, saved value, differs) for each field of the form, as display text. The saved
    values are the form's own record as saved now, even when another record's version guarded it."""
    instance = getattr(form, "instance", None)
    if instance is not None and instance.pk and not isinstance(saved, type(instance)):
        saved = type(instance)._default_manager.filter(pk=instance.pk).first()
    model_fields = {f.name for f in saved._meta.get_fields()} if saved is not None else set()
    rows = []
    for name, field in form.fields.items():
        if name == "version" or isinstance(field.widget, forms.HiddenInput):
            continue
        yours = _display(_your_value(form, name, field))
        saved_text = _display(_saved_value(saved, name)) if name in model_fields else "Not set"
        rows.append({"label": str(field.label or name), "yours": yours, "saved": saved_text,
                     "differs": yours != saved_text})  # fmt: skip
    return rows


def conflict_response(request, form, conflict: EditConflict, *, title, edit_url, back_url, rows=None):
    """The conflict page: nothing was saved; both versions side by side; start again from the saved one.
    `rows` replaces the form's own comparison for a page that edits several forms at once."""
    return render(
        request,
        "core/conflict.html",
        {
            "title": title,
            "rows": conflict_rows(form, conflict.saved) if rows is None else rows,
            "edit_url": edit_url,
            "back_url": back_url,
        },
        status=409,
    )
