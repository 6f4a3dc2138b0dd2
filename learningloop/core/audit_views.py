from django.shortcuts import render
from django.views.decorators.http import require_GET

from .access import require
from .audit import AuditFilterSet, audit_entries
from .pagination import paginate


@require_GET
@require("audit.view")
def audit_list(request):
    filters = AuditFilterSet(request=request, queryset=audit_entries())
    page, pagination = paginate(request, filters.qs)
    return render(
        request, "core/audit_list.html", {"form": filters.form, "page": page, "pagination": pagination}
    )
