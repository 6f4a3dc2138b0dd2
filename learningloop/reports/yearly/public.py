"""The yearly report as a publishable kind of the public learning hub (core.publishing, ADR 0029): only a
report signed off by the three safeguarding partners may be published; its snapshot reads only the
allow-listed fields below — the title, the reporting year and the public sections built from the frozen
figures and the partners' texts (aggregate figures only: nothing about a child, family or practitioner)."""

from django.utils.html import escape, format_html_join

from learningloop.core import publishing
from learningloop.core.publishing import PublicSection, PublishableKind, Snapshot

from ..models import YearlyReport, YearlyReportStatus
from . import content, services

KIND = "yearly_report"
FIELDS = ("title", "label", "public_sections")


def _paragraphs(lines):
    return format_html_join("", '<p class="govuk-body">{}</p>', ((line,) for line in lines))


def _table(caption, headers, rows):
    head = format_html_join(
        "", '<th scope="col" class="govuk-table__header">{}</th>', ((h,) for h in headers)
    )
    cells = '<td class="govuk-table__cell">{}</td>'
    body = "".join(
        '<tr class="govuk-table__row">' + format_html_join("", cells, ((cell,) for cell in row)) + "</tr>"
        for row in rows
    )
    return (
        '<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">'
        f'{escape(caption)}</caption><thead class="govuk-table__head"><tr class="govuk-table__row">'
        f'{head}</tr></thead><tbody class="govuk-table__body">{body}</tbody></table>'
    )


def _public_rows(table, numbers):
    """The table's rows with each named record numbered instead ("Review 1"): the same record keeps its
    number across the report's tables."""
    rows = []
    for row in table["rows"]:
        row = list(row)
        for column in table.get("records", ()):
            label = table["headers"][column]
            known = numbers.setdefault(label, {})
            row[column] = f"{label} {known.setdefault(row[column], len(known) + 1)}"
        rows.append(row)
    return rows


def public_sections(report) -> tuple[PublicSection, ...]:
    """Each section as escaped HTML: the texts, the figures and tables, and each chart's text alternative.
    Reviews, audits and cycles are numbered, not named (sections.table's `records`)."""
    found, numbers = [], {}
    for part in content.parts(report):
        html = [_paragraphs(part.paragraphs("above"))]
        if part.figures:
            html.append(_table("Key figures", ["Measure", "Figure"], part.figures))
        html += [_table(t["caption"], t["headers"], _public_rows(t, numbers)) for t in part.tables]
        html.append(_paragraphs([chart.text for chart in part.charts]))
        if part.empty:
            html.append(_paragraphs([part.empty]))
        html.append(_paragraphs(part.paragraphs("below")))
        body = "".join(str(h) for h in html)
        if body:
            found.append(PublicSection(part.heading, body))
    return tuple(found)


def snapshot(read) -> Snapshot:
    return Snapshot(
        title=read("title"),
        summary=f"What the safeguarding partners did in {read('label')} and how effective the arrangements "
        "were.",
        sections=read("public_sections"),
        kind_label="Yearly report",
    )


def register():
    publishing.register(
        PublishableKind(
            code=KIND,
            label="Yearly report",
            candidates=lambda: YearlyReport.objects.filter(
                status__in=[YearlyReportStatus.SIGNED_OFF, YearlyReportStatus.PUBLISHED]
            ),
            fields=FIELDS,
            build=snapshot,
            on_published=services.yearly_report_publish,
            keep_online_months=12,
            takes_document=True,
            position=60,
        )
    )
