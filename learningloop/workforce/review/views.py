"""The annual training review: a page with the year's figures and its Word and PDF downloads."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from learningloop.core.access import require
from learningloop.core.pagination import paginate

from . import documents
from .content import message_gaps, review_for

FIRST_YEAR = 2000


def _year(request):
    text = request.GET.get("year", "")
    this_year = timezone.localdate().year
    if text.isdigit() and FIRST_YEAR <= int(text) <= this_year + 1:
        return int(text), None
    return this_year, ("Enter a year between 2000 and next year" if text else None)


@require_GET
@require("training.review")
def review_page(request):
    year, error = _year(request)
    review = review_for(year, gaps=False)
    # The key message gaps can be thousands over the years: 50 a page here, every one in the downloads.
    page, pagination = paginate(request, message_gaps(year))
    review.message_gaps = list(page.object_list)
    return render(
        request,
        "workforce/review.html",
        {
            "review": review,
            "tables": documents.tables(review),
            "gaps": page.paginator.count,
            "pagination": pagination,
            "error": error,
            "title": documents.title_of(review),
        },
    )


def _download(content, year, extension, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="annual-training-review-{year}.{extension}"'
    return response


@require_GET
@require("training.review")
def review_docx(request, year):
    return _download(
        documents.review_docx(review_for(year)),
        year,
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


@require_GET
@require("training.review")
def review_pdf(request, year):
    return _download(documents.review_pdf(review_for(year)), year, "pdf", "application/pdf")
