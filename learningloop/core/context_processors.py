from django.conf import settings
from django.middleware.csp import get_nonce
from django.urls import reverse

from .navigation import service_navigation


def layout(request):
    """What every page's layout needs: the CSP nonce as a string, the partnership's name, navigation."""
    from learningloop.partnership.models import Partnership

    nonce = get_nonce(request)
    return {
        "cspNonce": str(nonce) if nonce is not None else "",
        "partnership": Partnership.current(),
        "service_navigation": service_navigation(request),
        "debug": settings.DEBUG,
        "sign_out_url": reverse("account_logout"),
    }
