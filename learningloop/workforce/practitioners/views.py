"""Published briefings (those the LDG marked ready for publication) as practitioners read them."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_GET

from learningloop.core.access import require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.pagination import paginate
from learningloop.dissemination.briefings.documents import briefing_sections
from learningloop.dissemination.models import Briefing

BRIEFINGS = ("Briefings", reverse_lazy("workforce:published_briefings"))


@require_GET
@require("training.practitioner")
def published_briefings(request):
    page, pagination = paginate(
        request, Briefing.objects.ready().order_by("-published_at", "-updated_at", "-pk")
    )
    return render(request, "workforce/published_briefings.html", {"page": page, "pagination": pagination})


@require_GET
@require("training.practitioner")
def published_briefing(request, pk):
    briefing = get_object_or_404(Briefing.objects.ready(), pk=pk)
    return render(
        request,
        "workforce/published_briefing.html",
        {
            "briefing": briefing,
            "sections": briefing_sections(briefing),
            "crumbs": breadcrumbs(BRIEFINGS, (briefing.title, None)),
        },
    )
