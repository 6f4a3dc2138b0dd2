"""Links every page writes (the navigation, the layout's account and footer links, a list's own filter and
export links): `reverse_once(name)` works out a URL that takes no arguments once per process instead of on
every request (ADR 0025: a page's cost is what it shows). reverse() walks the URL patterns each time; the
layout alone asked it for about 40 fixed addresses a page.

The cache is keyed by the URL configuration's resolver and the script prefix, so a test that swaps the URL
configuration (override_settings(ROOT_URLCONF=...), which clears Django's resolver cache) or a deployment
under a sub-path gets its own addresses."""

from functools import lru_cache

from django.conf import settings
from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse


@lru_cache(maxsize=4096)
def _reversed(resolver, prefix, name):
    return reverse(name)


def reverse_once(name: str) -> str:
    """reverse(name) for a URL name that takes no arguments, remembered."""
    resolver = get_resolver(get_urlconf() or settings.ROOT_URLCONF)
    return _reversed(resolver, get_script_prefix(), name)
