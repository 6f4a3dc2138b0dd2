"""The yearly report pages: the list, drafting a reporting year's report, the builder page (sections from
live data with the partners' texts, and the sign-off panel), editing the texts, signing off and withdrawing a
sign-off, and the Word and PDF documents."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learningloop.core.access import get_visible_or_404, require
from learningloop.core.breadcrumbs import breadcrumbs
from learningloop.core.concurrency import EditConflict, conflict_message, conflict_response
from learningloop.core.pagination import paginate
from learningloop.core.policy import WRONG_STATE, can, state_rule, why_not
from learningloop.core.stored_files import attachment_response
from learningloop.core.views_kit import apply_errors, bound

from ..models import PARTNER_ROLES, SignOff, YearlyReport
from . import content, documents, presenters, sections, services
from .forms import WithdrawForm, YearlyCreateForm, YearlyEditForm, field_name
from .partners import partner_of

VIEW, MANAGE, SIGN = "yearly.view", "yearly.manage", "yearly.sign_off"
GET_POST = ["GET", "POST"]
REPORTS = ("Yearly reports", reverse_lazy("yearly:list"))


def _report(request, pk):
    return get_visible_or_404(YearlyReport.objects.with_sign_offs(), request.user, pk=pk)


def _url(report):
    return reverse("yearly:detail", args=[report.pk])


def _sign_offs(report):
    return sorted(report.current_sign_offs, key=lambda s: (s.signed_at, s.pk))


@require_GET
@require(VIEW)
def yearly_list(request):
    page, pagination = paginate(request, YearlyReport.objects.visible_to(request.user).with_sign_offs())
    return render(
        request,
        "reports/yearly/list.html",
        {
            "page": page,
            "pagination": pagination,
            "can_manage": can(request.user, MANAGE),
            "tag": presenters.status_tag,
            "crumbs": breadcrumbs((REPORTS[0], None)),
        },
    )


@require_http_methods(GET_POST)
@require(MANAGE)
def yearly_create(request):
    form = YearlyCreateForm(*bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            report = services.yearly_report_create(year=form.cleaned_data["year"], by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Yearly report drafted: its figures are read from the latest records")
            return redirect(_url(report))
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": "Draft a yearly report",
            "intro": "Choose the reporting year. Each section's figures are read from that year's records.",
            "crumbs": breadcrumbs(REPORTS, ("Draft", None)),
            "cancel_url": REPORTS[1],
            "button": "Draft the report",
        },
    )


def _detail(request, report, errors=None, status=200):
    sign_offs = _sign_offs(report)
    signed = {s.partner: s for s in sign_offs}
    partner = partner_of(request.user)
    may_sign = can(request.user, SIGN, report) and partner is not None
    return render(
        request,
        "reports/yearly/detail.html",
        {
            "report": report,
            "parts": content.drawn_parts(report, svg=True),
            "errors": errors or [],
            "partners": [(role, label, signed.get(role)) for role, label in PARTNER_ROLES],
            "withdrawn": SignOff.objects.filter(report=report, withdrawn_at__isnull=False).select_related(
                "agency"
            ),
            "can_edit": can(request.user, MANAGE, report),
            "can_sign": may_sign and partner not in signed,
            "can_withdraw": may_sign and partner in signed,
            "tag": presenters.status_tag(report),
            "crumbs": breadcrumbs(REPORTS, (report.label, None)),
        },
        status=status,
    )


@require_GET
@require(VIEW)
def yearly_detail(request, pk):
    return _detail(request, _report(request, pk))


def _frozen(request, report):
    """The detail page saying why (409 for a POST, 200 for a GET): the report is signed off."""
    refusal = [{"text": state_rule(MANAGE, report).refusal}]
    return _detail(request, report, errors=refusal, status=409 if request.method == "POST" else 200)


@require_http_methods(GET_POST)
@require(MANAGE)
def yearly_edit(request, pk):
    report = _report(request, pk)
    if why_not(request.user, MANAGE, report) == WRONG_STATE:
        return _frozen(request, report)
    form = YearlyEditForm(*bound(request), instance=report)
    detail = _url(report)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.yearly_report_update(
                    report=report, texts=form.texts(), expected_version=form.cleaned_data.get("version")
                )
        except EditConflict as conflict:
            mine = form.texts()
            rows = [
                {
                    "label": form.fields[field_name(s.key, where)].label,
                    "yours": mine[s.key][where],
                    "saved": conflict.saved.text(s.key, where),
                    "differs": mine[s.key][where] != conflict.saved.text(s.key, where),
                }
                for s in sections.sections()
                for where in ("above", "below")
            ]
            return conflict_response(
                request, form, conflict, title="This yearly report", edit_url=request.get_full_path(),
                back_url=detail, rows=rows,
            )  # fmt: skip
        except ValidationError as error:
            if why_not(request.user, MANAGE, YearlyReport.objects.get(pk=report.pk)) == WRONG_STATE:
                return _frozen(request, _report(request, pk))
            apply_errors(form, error)
        else:
            messages.success(request, "Yearly report updated")
            return redirect(detail)
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": f"Edit the yearly report {report.label}",
            "intro": "Write what the partners have to say above and under each section's figures. "
            "Each line becomes a paragraph.",
            "crumbs": breadcrumbs(REPORTS, (report.label, detail), ("Edit", None)),
            "cancel_url": detail,
            "button": "Save report",
        },
    )


def _signing_partner(request):
    if partner_of(request.user) is None:
        raise PermissionDenied  # a lead of an agency that is not a safeguarding partner


@require_POST
@require(SIGN)
def yearly_sign_off(request, pk):
    report = _report(request, pk)
    _signing_partner(request)
    if why_not(request.user, SIGN, report) == WRONG_STATE:
        return _frozen(request, report)
    posted = request.POST.get("version", "")
    try:
        report = services.sign_off_record(
            report=report, by=request.user, expected_version=int(posted) if posted.isdigit() else 0
        )
    except EditConflict:
        return _detail(request, report, errors=[{"text": conflict_message("this yearly report")}], status=409)
    except ValidationError as error:
        return _detail(request, report, errors=[{"text": m} for m in error.messages])
    if report.is_frozen:
        messages.success(request, "Signed off by all three safeguarding partners: the report is now final")
    else:
        messages.success(request, "Your sign-off is recorded")
    return redirect(_url(report))


@require_http_methods(GET_POST)
@require(SIGN)
def yearly_withdraw(request, pk):
    report = _report(request, pk)
    _signing_partner(request)
    if why_not(request.user, SIGN, report) == WRONG_STATE:
        return _frozen(request, report)
    form = WithdrawForm(*bound(request), initial={"version": report.version})
    detail = _url(report)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_off_withdraw(
                report=report,
                by=request.user,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except EditConflict:
            form.add_error(None, conflict_message("this yearly report"))
            status = 409
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Your sign-off is withdrawn")
            return redirect(detail)
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": "Withdraw your sign-off",
            "intro": "The other partners' sign-offs stay. Your agency can sign off again later.",
            "crumbs": breadcrumbs(REPORTS, (report.label, detail), ("Withdraw sign-off", None)),
            "cancel_url": detail,
            "button": "Withdraw sign-off",
        },
        status=status,
    )


@require_GET
@require(VIEW)
def yearly_pdf(request, pk):
    report = _report(request, pk)
    return attachment_response(
        documents.build_pdf(report, _sign_offs(report)),
        filename=documents.filename(report, "pdf"),
        content_type="application/pdf",
    )


@require_GET
@require(VIEW)
def yearly_docx(request, pk):
    report = _report(request, pk)
    return attachment_response(
        documents.build_docx(report, _sign_offs(report)),
        filename=documents.filename(report, "docx"),
        content_type=documents.DOCX_TYPE,
    )
