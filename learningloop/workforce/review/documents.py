"""The annual training review as a Word document (python-docx) and a PDF (WeasyPrint), from one Review."""

from django.template.loader import render_to_string

from learningloop.core.documents import cell_lines, docx_bytes, landscape_document, render_pdf

from ..measures import percent
from .content import Review


def _mean(value):
    return "No data" if value is None else f"{value:.1f}"


def tables(review: Review):
    """(heading, column headings, rows) for each table of the review: the same in both documents."""
    t = review.totals
    return [
        (
            "Summary",
            ["Measure", "Value"],
            [
                ["Sessions delivered", str(t.sessions)],
                ["Places", str(t.places)],
                ["Places taken", str(t.booked)],
                ["Fill rate", percent(t.fill_rate)],
                ["Attended", str(t.attended)],
                ["Non-attendance rate", percent(t.non_attendance_rate)],
                [
                    "Change in confidence (1 to 5 scale)",
                    "No data" if t.confidence_change is None else f"{t.confidence_change:+.1f}",
                ],
                ["Share reporting a change in practice", percent(t.practice_change_share)],
            ],
        ),
        (
            "Sessions and attendances by course",
            ["Course", "Sessions", "Places", "Booked", "Attended", "Did not attend or cancelled late"],
            [[c, str(n), str(p), str(b), str(a), str(x)] for c, n, p, b, a, x in review.by_course],
        ),
        (
            "Attendances by agency",
            ["Agency", "Booked", "Attended", "Did not attend or cancelled late"],
            [[a, str(n), str(att), str(x)] for a, n, att, x in review.by_agency],
        ),
        (
            "Evaluation results at each stage",
            ["Stage", "Responses", "Mean confidence", "Mean knowledge", "Practice changed"],
            [[label, str(n), _mean(c), _mean(k), str(ch)] for label, n, c, k, ch in review.stages],
        ),
        (
            "Trainers provided by each agency",
            ["Agency", "Trainers in the pool", "Sessions given"],
            [[a, str(p), str(g)] for a, p, g in review.trainers_by_agency],
        ),
        (
            "Gaps: courses asked for and not delivered",
            ["Course asked for", "Asked for by"],
            [[title, who] for title, who in review.requested_gaps],
        ),
        (
            "Gaps: key messages due for multi-agency training in the year, not delivered",
            ["Key message"],
            [[text] for text in review.message_gaps],
        ),
    ]


# What each of tables() is called on the review's page (its id, and the query parameter of its pages).
TABLE_KEYS = ("summary", "courses", "agencies", "stages", "trainers", "requested", "messages")


def title_of(review):
    return f"Annual training review {review.year}"


def review_docx(review: Review) -> bytes:
    document = landscape_document(title_of(review))
    document.add_heading(title_of(review), level=0)
    for heading, columns, rows in tables(review):
        document.add_heading(heading, level=1)
        if not rows:
            document.add_paragraph("None.")
            continue
        table = document.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, columns, strict=True):
            cell_lines(cell, [text], bold=True)
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell_lines(cell, [text])
    return docx_bytes(document)


def review_pdf(review: Review) -> bytes:
    html = render_to_string(
        "workforce/review_pdf.html", {"title": title_of(review), "tables": tables(review)}, using="jinja2"
    )
    return render_pdf(html).write_pdf()
