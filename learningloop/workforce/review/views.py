"""The annual training review: a page with the year's figures and its Word and PDF downloads."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from learningloop.core.access import require
from learningloop.core.pagination import paginate

from . import documents
from .content import agencies_of, courses_of, message_gaps, review_for

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
    review = review_for(year, lists=False)
    # The long tables grow with the partnership and the years (key message gaps can be thousands): 50 rows
    # a page each, every one in the downloads.
    # key: (rows, what its count counts, what its pages are called)
    paged = {
        "courses": (courses_of(year), "courses", "courses"),
        "agencies": (agencies_of(year), "agencies", "agencies"),
        "trainers": (review.trainers_by_agency, "agencies", "trainers by agency"),
        "requested": (review.requested_gaps, "requests", "requests"),
        "messages": (message_gaps(year), "key messages", "key messages"),
    }
    pages = {}
    for key, (rows, noun, called) in paged.items():
        param = "page" if key == "messages" else key  # the gaps kept the plain parameter they had
        landmark = f"Pages of the table of {called}"
        page, pagination = paginate(request, rows, param=param, anchor=key, landmark=landmark)
        pages[key] = {"count": page.paginator.count, "noun": noun, "pagination": pagination}
        paged[key] = list(page.object_list)
    review.by_course, review.by_agency = paged["courses"], paged["agencies"]
    review.trainers_by_agency, review.requested_gaps = paged["trainers"], paged["requested"]
    review.message_gaps = paged["messages"]
    tables = [
        (key, *table) for key, table in zip(documents.TABLE_KEYS, documents.tables(review), strict=True)
    ]
    return render(
        request,
        "workforce/review.html",
        {
            "review": review,
            "tables": tables,
            "pages": pages,
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
