"""Service navigation: the main areas, shown only to those who may open them."""

from django.urls import reverse

from .policy import can

AREAS = [
    # (text, url name, action needed, url prefix that marks it active)
    ("Home", "home", None, None),
    ("Partnership", "partnership:agency_list", "partnership.view", "/partnership/"),
    ("Audit trail", "core:audit_list", "audit.view", "/audit/"),
    ("Users", "accounts:user_list", "accounts.manage", "/accounts/users/"),
]


def service_navigation(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return []
    items = []
    for text, name, action, prefix in AREAS:
        if action and not can(user, action):
            continue
        href = reverse(name)
        active = request.path == href if prefix is None else request.path.startswith(prefix)
        items.append({"text": text, "href": href, "active": active})
    return items
