"""The one edit page: a form page with its GOV.UK error summary, and the conflict page of ADR 0005 when
someone else saved the record after the form was opened. Every view that edits a saved record uses
`edit_with_conflict`, so each edit view is a few lines and both pages come from here."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render

from .concurrency import (
    EditConflict,
    RecordsChanged,
    conflict_message,
    conflict_response,
    records_changed_message,
    version_fields,
    versioned_save,
    versions_from,
)

DUPLICATE = "A record with this name already exists"


def bound(request, files=False):
    """A form's data for a POST, even an empty one (so it is validated and explained), or None for a GET:
    `Form(*bound(request), ...)`; with files=True, (data, files)."""
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)


def apply_errors(form, error: ValidationError):
    """A service's ValidationError onto the form: on the field it names, else at the top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def edit_with_conflict(
    request,
    form,
    save: Callable | None = None,
    *,
    template: str,
    context: dict | None = None,
    what: str,
    success_url,
    success_message: str = "",
    back_url: str | None = None,
    edit_url: str | None = None,
    duplicate_field: str | None = None,
    refusals: dict | None = None,
    on_conflict: Callable | None = None,
):
    """GET, or a POST that does not validate: the form page (`template` with `form` and `context`; its
    error summary lists the problems). A valid POST: `save(form)` (default `versioned_save`, which claims
    the next version and saves the form) runs in one transaction, then
    - a ValidationError puts its messages on the form and shows the form page again, nothing saved;
    - an EditConflict (someone saved since the form was opened) shows the conflict page, status 409,
      with what this person entered beside what is saved now, nothing saved;
    - a race on a unique name (IntegrityError) is an error on `duplicate_field`, when given;
    - an exception class listed in `refusals` is answered by its handler, `handler(exception)`;
    - otherwise the success message and a redirect to `success_url` (a URL, or a callable given the
      saved record).

    `what` names the record on the conflict page ("This agency"); `back_url` (default the context's
    cancel_url) leaves it as saved; `edit_url` (default this page) opens the saved version;
    `on_conflict(conflict)` runs before the conflict page is shown (to audit a view of restricted values)."""
    context = {**(context or {}), "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                saved = (save or versioned_save)(form)
        except EditConflict as conflict:
            if on_conflict is not None:
                on_conflict(conflict)
            return conflict_response(
                request,
                form,
                conflict,
                title=what,
                edit_url=edit_url or request.get_full_path(),
                back_url=back_url or context.get("cancel_url") or request.path,
            )
        except ValidationError as error:
            handler = _handler(refusals, error)
            if handler:
                return handler(error)
            apply_errors(form, error)
        except IntegrityError:
            if duplicate_field is None:
                raise
            form.add_error(duplicate_field, DUPLICATE)
        except Exception as error:
            handler = _handler(refusals, error)
            if handler is None:
                raise
            return handler(error)
        else:
            if success_message:
                messages.success(request, success_message)
            return redirect(success_url(saved) if callable(success_url) else success_url)
    return render(request, template, context)


def confirm_with_versions(
    request,
    *,
    record,
    others,
    save: Callable,
    template: str,
    context: dict,
    what: str,
    success_url,
    success_message: str = "",
    describe=str,
):
    """A confirmation page for a change to one record and several others at once (end a group and its
    members' seats). The page carries the version of `record` and of each of `others` (a queryset) as it
    showed them; the POST calls `save(expected_version=..., expected_others={pk: version})` in one
    transaction, which claims them all (core.concurrency.claim_version / claim_versions). If any changed
    since the page was opened, nothing is written and the page comes back (409) saying which, with the
    versions as they are now, so that confirming again applies to what is shown."""
    if request.method == "POST":
        posted = request.POST.get("version", "")
        try:
            with transaction.atomic():
                save(
                    expected_version=int(posted) if posted.isdigit() else 0,
                    expected_others=versions_from(request.POST, "other"),
                )
        except RecordsChanged as conflict:
            problem = records_changed_message(conflict.changed, describe)
        except EditConflict:
            problem = conflict_message(what)
        else:
            if success_message:
                messages.success(request, success_message)
            return redirect(success_url)
        form = forms.Form(data={})
        form.is_valid()
        form.add_error(None, problem)
        record = type(record)._default_manager.get(pk=record.pk)
        return render(request, template, _confirm_context(context, record, others, form), status=409)
    return render(request, template, _confirm_context(context, record, others, None))


def _confirm_context(context, record, others, form):
    hidden = [("version", record.version), *version_fields(others.all(), "other")]
    return {**context, "form": form, "hidden": hidden}


def _handler(refusals, error):
    for kind, handler in (refusals or {}).items():
        if isinstance(error, kind):
            return handler
    return None
