import time

from allauth.mfa.models import Authenticator
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from . import session_timeout


@require_GET
def overview(request):
    types = set(Authenticator.objects.filter(user=request.user).values_list("type", flat=True))
    return render(
        request,
        "accounts/overview.html",
        {
            "has_totp": Authenticator.Type.TOTP in types,
            "has_recovery_codes": Authenticator.Type.RECOVERY_CODES in types,
        },
    )


@require_GET
def email_managed_by_business_unit(request):
    """Replaces allauth's email management: the business unit sets sign-in email addresses."""
    return render(request, "accounts/email_managed.html", {})


@login_not_required
def admin_login(request):
    """The Django admin's login page (admin_site.AdminSite.login): its own sign-in form would skip the
    authenticator step and the sign-in throttle, so it sends people to allauth's sign-in (ADR 0013). Staff
    who are signed in go on to the admin; anyone else signed in is told the admin is not for them."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("admin:index")
    if not request.user.is_authenticated:
        return redirect_to_login(next_url, reverse("account_login"))
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if request.user.is_active and request.user.is_staff:
        return redirect(next_url)
    return render(request, "accounts/admin_not_for_you.html", {})


@require_POST
def session_keep_alive(request):
    """ "Stay signed in" in the timeout warning: counts as activity and says how long is left now."""
    state = session_timeout.record_activity(request.session, time.time(), always=True)
    return JsonResponse({"seconds_left": state.seconds_left})
