"""Calendar feeds: the user's page with their secret address, the reset button, and the feed itself (no
sign-in: calendar programs cannot sign in, so the secret address is the key; a wrong one is a 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from learningloop.core.access import require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.emails import site_url

from ..models import CalendarFeed
from . import feed
from .services import calendar_feed_reset


@require_GET
@require("calendar.own")
def calendar_page(request):
    record = CalendarFeed.objects.filter(user=request.user).first()
    address = site_url(reverse("governance:calendar_feed", args=[record.token])) if record else ""
    return render(
        request,
        "governance/calendar.html",
        {
            "address": address,
            "crumbs": breadcrumbs(("Meetings", reverse("governance:meeting_list")), ("Your calendar", None)),
        },
    )


@require_POST
@require("calendar.own")
def calendar_reset(request):
    had = CalendarFeed.objects.filter(user=request.user).exists()
    calendar_feed_reset(user=request.user)
    messages.success(
        request,
        "Your calendar address has been reset: the old one no longer works"
        if had
        else "Your calendar address is ready",
    )
    return redirect("governance:calendar")


@login_not_required
@require_GET
def calendar_feed(request, token):
    record = CalendarFeed.objects.filter(token=token, user__is_active=True).select_related("user").first()
    if record is None:
        raise Http404
    person = getattr(record.user, "person", None)
    response = HttpResponse(feed.feed_bytes(person.pk if person else None), content_type=feed.CONTENT_TYPE)
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response
