"""Helpers shared by the partnership pages."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import render

from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.views_kit import edit_with_conflict

GET_POST = ["GET", "POST"]


_crumbs = breadcrumbs


def _save(request, form, message, duplicate_field="name"):
    """Save a valid ModelForm atomically; a race on a unique name becomes a form error, not a 500."""
    try:
        with transaction.atomic():
            obj = form.save()
    except IntegrityError:
        form.add_error(duplicate_field, "A record with this name already exists")
        return None
    messages.success(request, message)
    return obj


def _form_page(
    request, form, *, title, button, crumbs, cancel_url, template="partnership/form.html", **extra
):
    context = {"form": form, "title": title, "button": button, "crumbs": crumbs, "cancel_url": cancel_url}
    return render(request, template, {**context, **extra})


def _edit_page(
    request, form, *, what, success_url, message, title, button, crumbs, cancel_url,
    template="partnership/form.html", duplicate_field="name", **extra,
):  # fmt: skip
    """An edit page of the partnership structure: the one edit path (core.views_kit), so a save made
    after someone else's is refused with the conflict page, and a race on a unique name is a form error."""
    context = {"title": title, "button": button, "crumbs": crumbs, "cancel_url": cancel_url, **extra}
    return edit_with_conflict(
        request, form, template=template, context=context, what=what, success_url=success_url,
        success_message=message, duplicate_field=duplicate_field,
    )  # fmt: skip
