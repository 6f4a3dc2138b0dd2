"""Personal access token pages: a user's own tokens (create, shown once; revoke) and, for administrators,
every user's tokens (revoke any; revoking is on the audit trail)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from learningloop.core.access import require
from learningloop.core.pagination import paginate
from learningloop.core.policy import can
from learningloop.core.views_kit import bound

from ..models import AccessToken
from . import services
from .forms import TokenCreateForm

OWN = "api.tokens"
ALL = "api.tokens_manage"


@require_GET
@require(OWN)
def token_list(request):
    tokens = AccessToken.objects.filter(user=request.user).for_list()
    page, pagination = paginate(request, tokens)
    return render(
        request,
        "api/token_list.html",
        {"page": page, "pagination": pagination, "today": timezone.localdate(), "everyone": False},
    )


@require_GET
@require(ALL)
def token_admin_list(request):
    page, pagination = paginate(request, AccessToken.objects.for_list())
    return render(
        request,
        "api/token_list.html",
        {"page": page, "pagination": pagination, "today": timezone.localdate(), "everyone": True},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@require(OWN)
def token_create(request):
    form = TokenCreateForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        token, secret = services.access_token_create(
            user=request.user, name=form.cleaned_data["name"], expires_on=form.cleaned_data["expires_on"]
        )
        # Shown once, on this page only: never stored, never put in a message or a redirect.
        return render(request, "api/token_created.html", {"token": token, "secret": secret})
    return render(request, "api/token_create.html", {"form": form})


@require_http_methods(["GET", "POST"])
@require(OWN)
def token_revoke(request, pk):
    token = get_object_or_404(AccessToken.objects.visible_to(request.user).select_related("user"), pk=pk)
    back = "api:token_list" if token.user_id == request.user.pk else "api:token_admin_list"
    if token.user_id != request.user.pk and not can(request.user, ALL):
        raise PermissionDenied
    if request.method == "POST":
        services.access_token_revoke(token=token, by=request.user)
        messages.success(request, f"Token ‘{token.name}’ revoked: it no longer works")
        return redirect(back)
    return render(request, "api/token_revoke.html", {"token": token, "back": back})
