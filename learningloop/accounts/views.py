from allauth.mfa.models import Authenticator
from django.shortcuts import render
from django.views.decorators.http import require_GET


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
