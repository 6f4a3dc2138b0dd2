"""The one form page the assurance pages share (improvement's form template: error summary, fields, a
button and Cancel)."""

from django.shortcuts import render

FORM = "improvement/form.html"


def form_page(request, form, *, title, button, crumbs, cancel_url, **extra):
    context = {"form": form, "title": title, "button": button, "crumbs": crumbs, "cancel_url": cancel_url}
    return render(request, FORM, {**context, **extra})
