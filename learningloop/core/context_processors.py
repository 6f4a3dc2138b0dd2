from django.conf import settings
from django.middleware.csp import get_nonce

from .links import reverse_once
from .navigation import navigation_for


def layout(request):
    """What every page's layout needs: the CSP nonce as a string and the navigation. (The partnership's
    name comes from partnership.context_processors.)"""
    nonce = get_nonce(request)
    navigation = navigation_for(request)
    return {
        "cspNonce": str(nonce) if nonce is not None else "",
        "service_navigation": navigation["items"],
        "section_navigation": navigation,
        "debug": settings.DEBUG,
        "sign_out_url": reverse_once("account_logout"),
    }
