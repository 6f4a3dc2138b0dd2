"""Downloads of the dataset: an indicator's or the dashboard's data as Excel or CSV, and the scorecard
report (status, trend and the chart of each indicator) as PDF or Word."""

from django.template.loader import render_to_string
from django.utils import timezone

from learningloop.core import charts
from learningloop.core.documents import add_chart, docx_bytes, landscape_document, render_pdf
from learningloop.core.spreadsheets import CSV, XLSX, spreadsheet_response
from learningloop.core.stored_files import attachment_response

from .periods import label_for

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def indicator_spreadsheet(indicator, data, *, fmt):
    names = sorted(data.agencies)
    headers = ["Period", "Period start", "Period end", "Partnership", *names]
    rows = [
        [period.label, period.start, period.end, _num(value), *[_num(v) for v in values]]
        for period, value, values in data.rows()
    ]
    return spreadsheet_response(
        headers=headers,
        rows=rows,
        fmt=fmt if fmt in (CSV, XLSX) else XLSX,
        filename=f"indicator-{indicator.code}",
        sheet=indicator.code,
    )


VALUE_HEADERS = [
    "Indicator code",
    "Period",
    "Period start",
    "Period end",
    "Agency",
    "Value",
    "Numerator",
    "Denominator",
    "Analysis and commentary",
    "Submitted on",
]


def indicator_values_csv(indicator, submissions):
    """Each submitted value of one indicator with its commentary, one row per agency and period. The rows
    are made as the file is written, each period's label worked out once; a large one is counted first
    (one COUNT) and handed to the worker without reading a row (ADR 0038: reading the first 2,000 values
    to find out was 80 ms of a request that only redirects)."""
    labels = {}

    def label(start):
        if start not in labels:
            labels[start] = label_for(indicator.frequency, start)
        return labels[start]

    found = submissions.select_related("agency").order_by("period_start", "agency__name", "pk")
    rows = (
        [
            indicator.code,
            label(s.period_start),
            s.period_start,
            s.period_end,
            s.agency.name,
            _num(s.value),
            _num(s.numerator),
            _num(s.denominator),
            s.commentary,
            timezone.localdate(s.submitted_at),
        ]
        for s in found.iterator(chunk_size=2000)
    )
    return spreadsheet_response(
        headers=VALUE_HEADERS,
        rows=rows,
        fmt=CSV,
        filename=f"indicator-{indicator.code}-values",
        count=found.count,
    )


def dashboard_spreadsheet(entries, *, fmt):
    headers = [
        "Code",
        "Indicator",
        "Question",
        "Priority",
        "Latest period",
        "Latest value",
        "Target",
        "Tolerance",
        "Status",
        "Trend",
    ]
    rows = [
        [
            i.code,
            i.name,
            i.get_category_display(),
            i.priority.name if i.priority_id else "",
            c.latest_period.label if c.latest_period else "",
            _num(c.latest),
            _num(i.target),
            _num(i.tolerance),
            c.status.text,
            c.trend.label,
        ]
        for i, c in entries
    ]
    return spreadsheet_response(
        headers=headers,
        rows=rows,
        fmt=fmt if fmt in (CSV, XLSX) else XLSX,
        filename="impact-dashboard",
        sheet="Dashboard",
    )


def _num(value):
    return None if value is None else float(value)


def scorecard_response(entries, *, title, fmt):
    """entries: [(indicator, curve)]. PDF or Word, each chart a picture with its text alternative (drawn
    side by side on every processor first: a scorecard of every indicator has dozens)."""
    charts.draw_pictures([curve.chart() for _indicator, curve in entries if curve.periods])
    if fmt == "docx":
        document = landscape_document(title)
        document.add_heading(title, level=1)
        for indicator, data in entries:
            document.add_heading(indicator.name, level=2)
            latest = (
                f"{data.latest}{indicator.suffix and ' ' + indicator.suffix}"
                if data.latest is not None
                else "no data"
            )
            document.add_paragraph(
                f"{indicator.get_category_display()} Status: {data.status.text}. Trend: {data.trend.label}. "
                f"Latest: {latest}{' (' + data.latest_period.label + ')' if data.latest_period else ''}."
            )
            if data.periods:
                add_chart(document, data.chart(), width_cm=22)
        return attachment_response(docx_bytes(document), filename="scorecard.docx", content_type=DOCX_TYPE)
    html = render_to_string(
        "performance/scorecard_pdf.html",
        {"title": title, "entries": [(i, c, c.chart() if c.periods else None) for i, c in entries]},
    )
    return attachment_response(
        render_pdf(html).write_pdf(), filename="scorecard.pdf", content_type="application/pdf"
    )
