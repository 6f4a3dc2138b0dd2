"""Partnership pages: presets."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.pagination import paginate
from learningloop.core.policy import can

from .. import services
from ..forms import (
    PRESET_KINDS,
    preset_form_class,
)
from ._common import GET_POST, _crumbs, _edit_page, _form_page, _save

# --- The framework preset lists ---


def _preset_kind(kind):
    try:
        model, plural, noun, fields = PRESET_KINDS[kind]
    except KeyError:
        raise Http404 from None
    return model, plural, noun, fields


def _framework_crumbs(kind=None, *rest):
    items = [("Framework", reverse("partnership:framework"))]
    if kind:
        items.append((PRESET_KINDS[kind][1], reverse("partnership:preset_list", args=[kind])))
    return _crumbs(*items, *rest)


@require_GET
@require("framework.view")
def framework(request):
    kinds = [
        {"kind": k, "title": v[1], "count": v[0].objects.active().count()} for k, v in PRESET_KINDS.items()
    ]
    return render(request, "partnership/framework.html", {"kinds": kinds})


@require_GET
@require("framework.view")
def preset_list(request, kind):
    model, plural, noun, fields = _preset_kind(kind)
    items = model.objects.visible_to(request.user)
    if "owning_group" in fields:
        items = items.select_related("owning_group")
    page, pagination = paginate(request, items)
    return render(
        request,
        "partnership/preset_list.html",
        {
            "kind": kind,
            "title": plural,
            "noun": noun,
            "page": page,
            "pagination": pagination,
            "has_category": "category" in fields,
            "can_manage": can(request.user, "framework.manage"),
            "crumbs": _framework_crumbs(None, (plural, None)),
        },
    )


@require_http_methods(GET_POST)
@require("framework.manage")
def preset_create(request, kind):
    model, plural, noun, fields = _preset_kind(kind)
    form = preset_form_class(model, fields)(request.POST or None)
    if request.method == "POST" and form.is_valid() and _save(request, form, f"{noun.capitalize()} added"):
        return redirect("partnership:preset_list", kind=kind)
    return _form_page(
        request,
        form,
        title=f"Add a {noun}",
        button=f"Save {noun}",
        crumbs=_framework_crumbs(kind, (f"Add a {noun}", None)),
        cancel_url=reverse("partnership:preset_list", args=[kind]),
    )


@require_http_methods(GET_POST)
@require("framework.manage")
def preset_edit(request, kind, pk):
    model, plural, noun, fields = _preset_kind(kind)
    item = get_visible_or_404(model.objects, request.user, pk=pk)
    back = reverse("partnership:preset_list", args=[kind])
    return _edit_page(
        request,
        preset_form_class(model, fields)(request.POST or None, instance=item),
        what=f"This {noun}",
        success_url=back,
        message=f"{noun.capitalize()} updated",
        title=f"Edit {item.name}",
        button=f"Save {noun}",
        crumbs=_framework_crumbs(kind, (item.name, None)),
        cancel_url=back,
    )


@require_http_methods(GET_POST)
@require("framework.manage")
def preset_end(request, kind, pk):
    model, plural, noun, fields = _preset_kind(kind)
    item = get_visible_or_404(model.objects, request.user, pk=pk)
    back = reverse("partnership:preset_list", args=[kind])
    if request.method == "POST":
        services.preset_item_end(item=item)
        messages.success(request, f"{noun.capitalize()} ended")
        return redirect(back)
    return render(
        request,
        "partnership/confirm_end.html",
        {
            "title": f"End {item.name}?",
            "button": f"End {noun}",
            "cancel_url": back,
            "crumbs": _framework_crumbs(kind, (item.name, None)),
            "explanation": "It will no longer be offered for new records. "
            "Records that already use it keep it.",
        },
    )
