"""The one import path (core.imports): files as people really make them, every problem by row and column
in plain words, nothing saved unless the whole file is clean, large files in the background."""

import datetime
import io
import re
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from openpyxl import Workbook, load_workbook

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core import imports
from learningloop.core.import_pages import ImportFileForm, add_import_errors, import_run_page
from learningloop.core.models import ImportRun, Reminder

pytestmark = pytest.mark.django_db


class ReminderSpec(imports.ImportSpec):
    """A small spec over the reminder ledger, so the kit is tested against a real table."""

    key = "tests.reminders"
    title = "Reminders"
    columns = (
        imports.Column("kind", "Kind"),
        imports.Column("count", "Count"),
        imports.Column("recipient", "Recipient"),
        imports.Column("remind_on", "Remind on"),
        imports.Column("note", "Note", required=False),
    )

    def prepare(self, *, user, context):
        return {"kinds": {"due", "overdue"}}

    def clean_row(self, values, *, state, row):
        problems = {}
        kind = imports.parse_text(values["kind"])
        if kind not in state["kinds"]:
            problems["Kind"] = "Enter a known kind: due or overdue"
        try:
            count = imports.parse_number(values["count"], label="Count")
        except imports.CellError as error:
            problems["Count"] = str(error)
        try:
            remind_on = imports.parse_date(values["remind_on"], label="Remind on")
        except imports.CellError as error:
            problems["Remind on"] = str(error)
        if problems:
            raise imports.RowInvalid(problems)
        return Reminder(
            kind=kind,
            object_type=imports.parse_text(values["note"]) or "note",
            object_id=int(count),
            recipient=imports.parse_text(values["recipient"]),
            remind_on=remind_on,
        )

    def check_rows(self, cleaned, *, state):
        seen, errors = {}, []
        for row, record in cleaned:
            key = (record.kind, record.recipient, record.remind_on)
            if key in seen:
                errors.append(imports.RowError(row, "", f"This row repeats row {seen[key]}"))
            seen.setdefault(key, row)
        return errors

    def save(self, cleaned, *, state, user, run):
        return len(Reminder.objects.bulk_create(cleaned))

    def template_rows(self, *, user, context):
        return [["due", 1, "a@example.org", datetime.date(2026, 3, 31), "=not a formula"]]


SPEC = imports.register(ReminderSpec())
HEADER = "Kind,Count,Recipient,Remind on,Note\r\n"


@pytest.fixture
def user():
    return UserFactory()


def upload(content: bytes, name="rows.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


def start(user, content, name="rows.csv", context=None):
    return imports.import_run_start(spec=SPEC, upload=upload(content, name), user=user, context=context)


def xlsx(rows, *, percent_cells=()):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for ref in percent_cells:
        sheet[ref].number_format = "0%"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_clean_csv_is_saved_row_by_row(user):
    run = start(
        user,
        (HEADER + "due,3,a@example.org,31/03/2026,\r\noverdue,4,b@example.org,2026-04-01,x\r\n").encode(),
    )
    assert run.status == ImportRun.Status.DONE
    assert run.saved_rows == 2
    saved = sorted(Reminder.objects.values_list("kind", "object_id", "recipient", "remind_on", "object_type"))
    assert saved == [
        ("due", 3, "a@example.org", datetime.date(2026, 3, 31), "note"),
        ("overdue", 4, "b@example.org", datetime.date(2026, 4, 1), "x"),
    ]


def test_a_utf8_byte_order_mark_does_not_hide_the_first_heading(user):
    run = start(user, b"\xef\xbb\xbf" + (HEADER + "due,1,a@example.org,31/03/2026,Zoë\r\n").encode())
    assert run.status == ImportRun.Status.DONE, run.errors
    assert Reminder.objects.get().object_type == "Zoë"


def test_windows_1252_text_is_read_as_excel_wrote_it(user):
    run = start(user, (HEADER + "due,1,a@example.org,31/03/2026,£5 café – ok\r\n").encode("cp1252"))
    assert run.status == ImportRun.Status.DONE, run.errors
    assert Reminder.objects.get().object_type == "£5 café – ok"


def test_excel_dates_stored_as_numbers_are_read_as_dates(user):
    # 46112 is 31 March 2026 in Excel's day count (1 January 1900 is day 1); 45383 is 1 April 2024.
    content = xlsx([["Kind", "Count", "Recipient", "Remind on"], ["due", 1, "a@example.org", 46112]])
    run = start(user, content, name="rows.xlsx")
    assert run.status == ImportRun.Status.DONE, run.errors
    assert Reminder.objects.get().remind_on == datetime.date(2026, 3, 31)
    run = start(user, (HEADER + "overdue,1,a@example.org,45383,\r\n").encode())
    assert Reminder.objects.get(kind="overdue").remind_on == datetime.date(2024, 4, 1)


def test_date_cells_thousands_separators_and_trailing_blank_rows(user):
    content = xlsx(
        [
            ["Kind", "Count", "Recipient", "Remind on"],
            ["due", "1,234", "a@example.org", datetime.datetime(2026, 3, 31)],
            [None, None, None, None],
            ["", "", "", ""],
        ]
    )
    run = start(user, content, name="rows.xlsx")
    assert run.status == ImportRun.Status.DONE, run.errors
    assert run.total_rows == 1
    assert Reminder.objects.get().object_id == 1234
    run = start(user, (HEADER + 'overdue,"12,500",b@example.org,1 April 2026,\r\n,,,,\r\n\r\n').encode())
    assert run.status == ImportRun.Status.DONE, run.errors
    assert Reminder.objects.get(kind="overdue").object_id == 12500


def test_formulas_give_their_cached_values_and_are_never_evaluated(user):
    content = xlsx(
        [["Kind", "Count", "Recipient", "Remind on"], ["due", "=2+3", "a@example.org", "31/03/2026"]]
    )
    # As Excel saves it: the formula with the value it last computed (7 here, so evaluation would show).
    archive = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as rewritten:
        for item in archive.infolist():
            data = archive.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>2+3</f><v></v>", b"<f>2+3</f><v>7</v>")
                assert b"<v>7</v>" in data
            rewritten.writestr(item, data)
    run = start(user, out.getvalue(), name="rows.xlsx")
    assert run.status == ImportRun.Status.DONE, run.errors
    assert Reminder.objects.get().object_id == 7


def test_a_percentage_cell_means_what_excel_shows(user):
    assert imports.parse_number("45%") == Decimal("45")
    content = xlsx([["Count"], [0.45]], percent_cells=["A2"])
    table = imports.read_table(content, filename="p.xlsx")
    assert table.rows[0][1][0] == Decimal("45")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/03/2026", datetime.date(2026, 3, 31)),
        ("1/4/2026", datetime.date(2026, 4, 1)),
        ("2026-03-31", datetime.date(2026, 3, 31)),
        ("2026-03-31T00:00:00", datetime.date(2026, 3, 31)),
        ("31-03-2026", datetime.date(2026, 3, 31)),
        ("31.03.2026", datetime.date(2026, 3, 31)),
        ("31 March 2026", datetime.date(2026, 3, 31)),
        ("31 Mar 2026", datetime.date(2026, 3, 31)),
        (46112, datetime.date(2026, 3, 31)),
        (1, datetime.date(1900, 1, 1)),
        (61, datetime.date(1900, 3, 1)),
    ],
)
def test_dates_as_people_write_them(text, expected):
    assert imports.parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["03/31/2026", "31/13/2026", "next Tuesday", "2026", 0, -5, 60, 46112.5, "30 Feb 2026"]
)
def test_unreadable_dates_are_refused_not_guessed(text):
    with pytest.raises(imports.CellError, match="must be a real date"):
        imports.parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234", "1234"),
        ("1,234", "1234"),
        ("1,234,567.5", "1234567.5"),
        (" 12.5 ", "12.5"),
        ("-3", "-3"),
        ("0.5", "0.5"),
    ],
)
def test_numbers_as_people_write_them(text, expected):
    assert imports.parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["twelve", "1,23", "12,34.5", "1.2.3", "--1", "£12", ""])
def test_text_that_is_not_a_number_is_refused(text):
    with pytest.raises(imports.CellError, match="must be a number"):
        imports.parse_number(text)


def test_every_problem_is_listed_by_row_and_column_and_nothing_is_saved(user):
    content = (
        HEADER
        + "due,1,a@example.org,31/03/2026,\r\n"  # row 2: clean
        + "sometimes,1,a@example.org,31/03/2026,\r\n"  # row 3: unknown kind
        + "due,lots,a@example.org,the 5th,\r\n"  # row 4: two problems
        + "due,2,c@example.org,01/04/2026,\r\n"  # row 5: clean
    ).encode()
    run = start(user, content)
    assert run.status == ImportRun.Status.FAILED
    assert [str(e) for e in run.error_list()] == [
        "Row 3, Kind: Enter a known kind: due or overdue",
        "Row 4, Count: Count must be a number, like 12 or 12.5",
        "Row 4, Remind on: Remind on must be a real date, like 31/03/2026",
    ]
    assert run.error_count == 3
    assert not Reminder.objects.exists()


def test_a_duplicate_row_fails_the_whole_file(user):
    content = (HEADER + "due,1,a@example.org,31/03/2026,\r\ndue,2,a@example.org,31/03/2026,\r\n").encode()
    run = start(user, content)
    assert [str(e) for e in run.error_list()] == ["Row 3: This row repeats row 2"]
    assert not Reminder.objects.exists()


def test_a_missing_column_is_named(user):
    run = start(user, b"Kind,Count,Recipient\r\ndue,1,a@example.org\r\n")
    assert [str(e) for e in run.error_list()] == [
        "The file has no ‘Remind on’ column. Download the template and use its column headings"
    ]


def test_headings_match_whatever_their_case_and_spacing(user):
    run = start(user, b"kind , COUNT,Recipient,remind   on\r\ndue,1,a@example.org,31/03/2026\r\n")
    assert run.status == ImportRun.Status.DONE, run.errors


def test_a_file_with_only_headings_or_nothing_readable(user):
    assert [str(e) for e in start(user, HEADER.encode()).error_list()] == [imports.NO_ROWS]
    assert [str(e) for e in start(user, b"\r\n,,,\r\n").error_list()] == [imports.NO_ROWS]


def test_a_fake_workbook_is_refused_by_the_upload_checks(user):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        start(user, b"PK\x03\x04 not really a workbook", name="rows.xlsx")
    with pytest.raises(ValidationError):
        start(user, b"MZ\x00\x00binary", name="rows.exe")
    assert not ImportRun.objects.exists()


def test_the_template_round_trips(user):
    response = imports.template_response(SPEC, user=user)
    assert response["Content-Disposition"].startswith("attachment")
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.active.values)
    assert rows[0] == ("Kind", "Count", "Recipient", "Remind on", "Note")
    # The text cell that looks like a formula went out escaped and comes back as it was.
    run = start(user, response.content, name="template.xlsx")
    assert run.status == ImportRun.Status.DONE, run.errors
    reminder = Reminder.objects.get()
    assert (reminder.kind, reminder.object_id, reminder.remind_on) == ("due", 1, datetime.date(2026, 3, 31))
    assert reminder.object_type == "=not a formula"
    csv_template = imports.template_response(SPEC, user=user, fmt="csv")
    Reminder.objects.all().delete()
    run = start(user, csv_template.getvalue(), name="template.csv")
    assert run.status == ImportRun.Status.DONE, run.errors
    assert Reminder.objects.get().object_type == "=not a formula"


def test_the_form_lists_the_problems_for_the_error_summary(user):
    run = start(user, (HEADER + "x,1,a@example.org,31/03/2026,\r\n").encode())
    form = ImportFileForm(data={}, files={"file": upload(b"x")})
    form.is_valid()
    add_import_errors(form, run)
    assert form.errors["file"] == [
        "The selected file has 1 problem: nothing was imported. Correct the file and upload it again"
    ]
    assert form.non_field_errors() == ["Row 2, Kind: Enter a known kind: due or overdue"]


@pytest.mark.django_db(transaction=True)
def test_a_large_file_runs_in_the_background_and_its_page_shows_the_progress(settings, user):
    from learningloop.core.tests.test_tasks import run_worker

    settings.IMPORT_BACKGROUND_ROWS = 2
    content = (HEADER + "".join(f"due,{i},p{i}@example.org,31/03/2026,\r\n" for i in range(5))).encode()
    run = start(user, content)
    assert run.status == ImportRun.Status.QUEUED
    assert not Reminder.objects.exists()

    request = RequestFactory().get(f"/imports/{run.pk}/")
    request.user, request.htmx = user, False
    page = import_run_page(request, run.pk, title="Import", back_url="/", back_text="Back").content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page  # without JavaScript the page reloads itself
    assert 'hx-trigger="every 2s"' in page  # with it, htmx fetches the progress
    assert "Waiting to start" in page

    run_worker()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert Reminder.objects.count() == 5
    assert not run.file  # the uploaded rows are not kept once imported

    request.htmx = True
    fragment = import_run_page(
        request, run.pk, title="Import", back_url="/", back_text="Back"
    ).content.decode()
    assert "5 rows saved" in fragment
    assert "hx-trigger" not in fragment  # finished: no more polling
    assert "<html" not in fragment


def test_a_small_import_leaves_no_record_and_a_failed_one_changes_nothing(user):
    start(user, (HEADER + "due,x,a@example.org,31/03/2026,\r\n").encode())
    start(user, (HEADER + "due,1,a@example.org,31/03/2026,\r\n").encode())
    assert not ImportRun.objects.exists()
    assert Reminder.objects.count() == 1


def test_only_the_uploader_sees_an_import(user, settings):
    from django.http import Http404

    settings.IMPORT_BACKGROUND_ROWS = 0
    run = start(user, (HEADER + "due,1,a@example.org,31/03/2026,\r\n").encode())
    request = RequestFactory().get("/")
    request.user, request.htmx = UserFactory(), False
    with pytest.raises(Http404):
        import_run_page(request, run.pk, title="Import", back_url="/", back_text="Back")


def test_a_failed_background_import_lists_its_problems_on_its_page(user, settings):
    settings.IMPORT_BACKGROUND_ROWS = 0
    run = start(user, (HEADER + "due,x,a@example.org,31/03/2026,\r\n").encode())
    imports.run_in_background(run.pk)
    request = RequestFactory().get("/")
    request.user, request.htmx = user, False
    page = import_run_page(request, run.pk, title="Import", back_url="/", back_text="Back").content.decode()
    assert "Nothing was imported" in page
    assert "Row 2, Count: Count must be a number, like 12 or 12.5" in page
    assert not re.search(r'http-equiv="refresh"', page)
    assert not Reminder.objects.exists()
