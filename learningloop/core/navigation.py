"""Service navigation: the main areas, shown only to those who may open them."""

from django.urls import reverse

from .policy import can

AREAS = [
    # (text, url name, action needed, url prefix or prefixes that mark it active)
    ("Home", "home", None, None),
    (
        "Learning",
        "learning:activity_list",
        "learning.view",
        tuple(f"/learning/{p}/" for p in ("activities", "documents", "findings", "themes", "priorities")),
    ),
    ("Case reviews", "learning:review_list", "review.view", ("/learning/reviews/", "/learning/deadlines/")),
    ("Summaries", "learning:summary_list", "summary.view", "/learning/summaries/"),
    (
        "Dissemination",
        "dissemination:plan_list",
        "dissemination.view",
        ("/dissemination/plans/", "/dissemination/communications/", "/dissemination/briefings/"),
    ),
    (
        "Requests to agencies",
        "dissemination:request_list",
        "embedding.view",
        ("/dissemination/requests/", "/dissemination/responses/", "/dissemination/evidence/"),
    ),
    ("Actions", "improvement:action_list", "actions.view", "/actions/"),
    ("Learning trail", "reports:trail_index", "trail.view", "/trail/"),
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
