from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from markupsafe import Markup

from . import panels


@require_GET
def home(request):
    """What this person must do next, from every area: the panels the areas registered (core.panels)."""
    # Each panel's own template renders its own, escaped, context; the page places the results.
    shown = [
        Markup(render_to_string(panel["template"], {**panel["context"], "user": request.user}))  # noqa: S704
        for panel in panels.panels_for(request.user)
    ]
    return render(request, "core/home.html", {"panels": shown})


@login_not_required
@require_GET
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_not_required
@require_GET
def accessibility(request):
    return render(request, "core/accessibility.html", {})


def _error(request, status, title):
    return render(request, "core/error.html", {"title": title, "status": status}, status=status)


def error_404(request, exception=None):
    return _error(request, 404, "Page not found")


def error_403(request, exception=None):
    return _error(request, 403, "You do not have access to this page")


def error_500(request):
    return _error(request, 500, "Sorry, there is a problem with the service")
