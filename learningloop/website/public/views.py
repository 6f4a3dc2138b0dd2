"""The public learning hub: no sign-in. These views read only the website's snapshot models (import-linter
contract "The public hub reads only published snapshots"), and show only live publications: an unpublished
or retired item is a 404. Each item page view and download is counted (public.services), without cookies."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from learningloop.core.documents import pdf_bytes
from learningloop.core.pagination import paginate
from learningloop.core.stored_files import attachment_response, download_response

from ..models import Publication, PublicationFile, PublicTheme
from .filters import PublicationFilterSet
from .services import monthly_count_record


def _live():
    return Publication.objects.live()


def _hub_crumbs(*items):
    return [{"text": "Publications", "href": reverse("website:index")}, *items]


@login_not_required
@require_GET
def index(request):
    filters = PublicationFilterSet(request=request, queryset=_live().prefetch_related("themes"))
    page, pagination = paginate(request, filters.qs.order_by("-published_at", "-pk"))
    themes = PublicTheme.objects.filter(publications__status="published").distinct().order_by("name")
    return render(
        request,
        "website/public/index.html",
        {"form": filters.form, "page": page, "pagination": pagination, "themes": themes},
    )


@login_not_required
@require_GET
def theme(request, slug):
    theme = get_object_or_404(PublicTheme, slug=slug)
    publications = _live().filter(themes=theme).prefetch_related("themes").order_by("-published_at", "-pk")
    page, pagination = paginate(request, publications)
    if not page.paginator.count:
        raise Http404
    return render(
        request,
        "website/public/theme.html",
        {"theme": theme, "page": page, "pagination": pagination, "crumbs": _hub_crumbs({"text": theme.name})},
    )


@login_not_required
@require_GET
def publication(request, slug):
    item = get_object_or_404(_live().prefetch_related("themes", "files"), slug=slug)
    monthly_count_record(publication_id=item.pk)
    return render(
        request,
        "website/public/publication.html",
        {"item": item, "crumbs": _hub_crumbs({"text": item.title})},
    )


@login_not_required
@require_GET
def publication_file(request, slug, pk):
    stored = get_object_or_404(
        PublicationFile, pk=pk, publication__slug=slug, publication__status="published"
    )
    response = download_response(stored)
    monthly_count_record(publication_id=stored.publication_id, download=True)
    return response


def publication_html(item) -> str:
    from django.template.loader import render_to_string

    return render_to_string("website/public/publication_pdf.html", {"item": item})


@login_not_required
@require_GET
def publication_pdf(request, slug):
    item = get_object_or_404(_live(), slug=slug)
    content = pdf_bytes(publication_html(item))
    monthly_count_record(publication_id=item.pk, download=True)
    return attachment_response(content, filename=f"{item.slug}.pdf", content_type="application/pdf")
