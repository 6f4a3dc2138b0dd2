from django.shortcuts import render
from django.views.decorators.http import require_GET

from learningloop.core.access import require
from learningloop.core.pagination import paginate

from .models import Agency


@require_GET
@require("partnership.view")
def agency_list(request):
    page, pagination = paginate(request, Agency.objects.visible_to(request.user))
    return render(request, "partnership/agency_list.html", {"page": page, "pagination": pagination})
