"""User accounts pages for business unit administrators (policy action accounts.manage)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core.access import require
from learningloop.core.concurrency import bump_version
from learningloop.core.pagination import paginate
from learningloop.core.views_kit import edit_with_conflict

from ..models import User
from .filters import UserFilterSet
from .forms import UserCreateForm, UserEditForm
from .services import create_user, user_update


@require_GET
@require("accounts.manage")
def user_list(request):
    filters = UserFilterSet(request=request, queryset=User.objects.select_related("agency"))
    page, pagination = paginate(request, filters.qs.order_by("full_name", "pk"))
    return render(
        request, "accounts/user_list.html", {"form": filters.form, "page": page, "pagination": pagination}
    )


@require_http_methods(["GET", "POST"])
@require("accounts.manage")
def user_create(request):
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = create_user(request, **form.cleaned_data)
        messages.success(
            request,
            f"Account created for {user.full_name}. They have been emailed a link to set their password.",
        )
        return redirect("accounts:user_list")
    return render(
        request, "accounts/user_form.html", {"form": form, "title": "Add a user", "button": "Add user"}
    )


@require_http_methods(["GET", "POST"])
@require("accounts.manage")
def user_edit(request, pk):
    user = get_object_or_404(User.objects.select_related("agency"), pk=pk)
    return edit_with_conflict(
        request,
        UserEditForm(request.POST or None, instance=user, editor=request.user),
        user_update,
        template="accounts/user_form.html",
        context={"subject": user, "title": f"Change {user.full_name}’s account", "button": "Save changes"},
        what=f"{user.full_name}’s account",
        success_url=reverse("accounts:user_list"),
        success_message=f"Changes saved for {user.full_name}.",
        back_url=reverse("accounts:user_list"),
    )


@require_http_methods(["GET", "POST"])
@require("accounts.manage")
def user_deactivate(request, pk):
    user = get_object_or_404(User, pk=pk)
    if user.pk == request.user.pk:
        raise PermissionDenied("You cannot deactivate your own account")
    if request.method == "POST":
        if user.is_active:
            user.is_active = False
            user.save(update_fields=["is_active"])
            bump_version(user)  # an edit form opened before this would otherwise reactivate the account
        messages.success(request, f"{user.full_name} can no longer sign in.")
        return redirect("accounts:user_list")
    return render(request, "accounts/user_deactivate.html", {"subject": user})
