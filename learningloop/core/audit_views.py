from django.shortcuts import render
from django.views.decorators.http import require_GET

from .access import require
from .audit import AuditFilterForm, audit_entries
from .pagination import paginate


@require_GET
@require("audit.view")
def audit_list(request):
    form = AuditFilterForm(request.GET or None)
    page, pagination = paginate(request, form.filter(audit_entries()))
    return render(request, "core/audit_list.html", {"form": form, "page": page, "pagination": pagination})
