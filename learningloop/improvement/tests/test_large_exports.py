"""A large action export is built by the background worker (core.spreadsheets, ADR 0038): the request only
queues it and sends the user to a progress page; the worker writes the same spreadsheet a small export gets,
with the user's rights when it runs; the download is theirs alone."""

import datetime
import io
from urllib.parse import urlencode

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from learningloop.core.models import SpreadsheetExport
from learningloop.core.reminders import send_due_reminders
from learningloop.core.tests.worker import run_worker

from .factories import ActionFactory

TODAY = timezone.localdate()


@pytest.fixture
def ask(django_capture_on_commit_callbacks):
    """GET as the browser does, with the transaction's on-commit hooks run (the task is queued on commit)."""

    def get(client, url, data=None, **headers):
        with django_capture_on_commit_callbacks(execute=True):
            return client.get(url, data, **headers)

    return get


@pytest.fixture
def three_actions(db, settings):
    settings.SPREADSHEET_BACKGROUND_ROWS = 2  # three rows is "large" here
    ActionFactory(description='=HYPERLINK("http://evil")', due_on=TODAY - datetime.timedelta(days=1))
    ActionFactory(description="Second action", due_on=TODAY + datetime.timedelta(days=90))
    ActionFactory(description="Third action", due_on=TODAY + datetime.timedelta(days=120))


def test_a_large_export_is_built_by_the_worker_and_downloaded_from_its_page(
    officer_client, three_actions, ask
):
    response = ask(
        officer_client,
        reverse("improvement:action_export"),
        HTTP_REFERER="http://testserver/actions/?q=action",
    )
    export = SpreadsheetExport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "exports:export_run", args=[export.pk]
    )
    page = officer_client.get(response["Location"]).content.decode()
    assert "Waiting to start" in page and "Download" not in page
    assert 'href="/actions/?q=action"' in page  # back to the list the user came from

    run_worker()

    page = officer_client.get(response["Location"]).content.decode()
    assert "Your spreadsheet is ready" in page and "3 rows" in page
    download = officer_client.get(reverse("exports:export_download", args=[export.pk]))
    assert download["Content-Disposition"] == f'attachment; filename="actions-{TODAY:%Y-%m-%d}.xlsx"'
    assert download["X-Content-Type-Options"] == "nosniff"
    sheet = load_workbook(io.BytesIO(download.getvalue())).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Plan" and len(values) == 4
    # Ordered by due date, formulas escaped, the RAG rating worked out as in the request's export.
    assert [(row[1], row[6]) for row in values[1:]] == [
        ('\'=HYPERLINK("http://evil")', "Red"),
        ("Second action", "Green"),
        ("Third action", "Green"),
    ]


def test_the_worker_keeps_the_filters_the_user_chose(officer_client, three_actions, ask, settings):
    settings.SPREADSHEET_BACKGROUND_ROWS = 0
    ask(officer_client, reverse("improvement:action_export"), {"q": "Second"})
    assert SpreadsheetExport.objects.get().query == "q=Second"
    run_worker()
    export = SpreadsheetExport.objects.get()
    assert export.status == SpreadsheetExport.Status.DONE and export.written_rows == 1
    sheet = load_workbook(export.file.open("rb")).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Second action"]


def test_the_download_is_only_for_the_user_who_asked(officer_client, three_actions, persona_client, ask):
    ask(officer_client, reverse("improvement:action_export"))
    export = SpreadsheetExport.objects.get()
    other = persona_client("bu_admin")
    assert other.get(reverse("exports:export_run", args=[export.pk])).status_code == 404
    assert (
        officer_client.get(reverse("exports:export_download", args=[export.pk])).status_code == 404
    )  # not ready
    run_worker()
    assert other.get(reverse("exports:export_download", args=[export.pk])).status_code == 404
    assert officer_client.get(reverse("exports:export_download", args=[export.pk])).status_code == 200


def test_the_worker_checks_the_users_rights_again(officer_client, bu_officer, three_actions, ask):
    ask(officer_client, reverse("improvement:action_export"))
    bu_officer.roles = ["read_only"]  # lost the right to export actions before the worker ran
    bu_officer.save()
    run_worker()
    export = SpreadsheetExport.objects.get()
    assert export.status == SpreadsheetExport.Status.FAILED and not export.file
    page = officer_client.get(reverse("exports:export_run", args=[export.pk])).content.decode()
    assert "You can no longer download this spreadsheet" in page


def test_a_small_export_is_still_sent_at_once(officer_client, three_actions, settings):
    settings.SPREADSHEET_BACKGROUND_ROWS = 3
    response = officer_client.get(reverse("improvement:action_export"))
    assert response.status_code == 200 and not SpreadsheetExport.objects.exists()
    assert len(list(load_workbook(io.BytesIO(response.content)).active.iter_rows())) == 4


def test_asking_again_soon_gives_the_same_export(officer_client, three_actions, ask):
    first = ask(officer_client, reverse("improvement:action_export"))
    again = ask(officer_client, reverse("improvement:action_export"))
    assert first["Location"] == again["Location"] and SpreadsheetExport.objects.count() == 1
    other_filter = ask(officer_client, reverse("improvement:action_export"), {"q": "action"})
    assert other_filter["Location"] != first["Location"] and SpreadsheetExport.objects.count() == 2


# --- Old exports cleaned up by the daily reminders run (SPREADSHEET_EXPORT_KEEP_DAYS, 7 by default) ---


def _built_on(when, client, ask, query):
    """Ask for the export at `when` and let the worker build it then."""
    with time_machine.travel(when, tick=False):
        ask(client, reverse("improvement:action_export"), query)
        run_worker()
    return SpreadsheetExport.objects.get(query=urlencode(query))


@pytest.fixture
def exports_of_several_ages(officer_client, three_actions, ask, settings):
    settings.SPREADSHEET_BACKGROUND_ROWS = 0  # each filter's one row is built by the worker
    now = timezone.now()
    eight_days_old = _built_on(now - datetime.timedelta(days=8), officer_client, ask, {"q": "action"})
    six_days_old = _built_on(now - datetime.timedelta(days=6), officer_client, ask, {"q": "Second"})
    with time_machine.travel(now - datetime.timedelta(days=30), tick=False):
        ask(officer_client, reverse("improvement:action_export"), {"q": "Third"})
    being_written = SpreadsheetExport.objects.get(query="q=Third")
    SpreadsheetExport.objects.filter(pk=being_written.pk).update(status=SpreadsheetExport.Status.BUILDING)
    assert eight_days_old.status == six_days_old.status == SpreadsheetExport.Status.DONE
    return eight_days_old, six_days_old, being_written


def test_the_daily_run_deletes_exports_older_than_a_week_file_and_record(exports_of_several_ages):
    eight_days_old, six_days_old, being_written = exports_of_several_ages
    storage = eight_days_old.file.storage
    assert storage.exists(eight_days_old.file.name) and storage.exists(six_days_old.file.name)

    send_due_reminders()

    assert not SpreadsheetExport.objects.filter(pk=eight_days_old.pk).exists()
    assert not storage.exists(eight_days_old.file.name)
    assert SpreadsheetExport.objects.filter(pk=six_days_old.pk).exists()
    assert storage.exists(six_days_old.file.name)
    # Started a month ago and still being written: never removed.
    assert SpreadsheetExport.objects.get(pk=being_written.pk).status == SpreadsheetExport.Status.BUILDING
    send_due_reminders()  # a second run the same day changes nothing more
    assert SpreadsheetExport.objects.count() == 2


def test_how_long_exports_are_kept_is_a_setting(exports_of_several_ages, settings):
    eight_days_old, six_days_old, _ = exports_of_several_ages
    settings.SPREADSHEET_EXPORT_KEEP_DAYS = 5
    send_due_reminders()
    assert not SpreadsheetExport.objects.filter(pk__in=[eight_days_old.pk, six_days_old.pk]).exists()


def test_a_link_to_an_expired_export_says_so_and_asks_for_it_again(officer_client, exports_of_several_ages):
    eight_days_old, six_days_old, _ = exports_of_several_ages
    send_due_reminders()
    for name in ("exports:export_download", "exports:export_run"):
        response = officer_client.get(reverse(name, args=[eight_days_old.pk]))
        assert response.status_code == 404
        page = response.content.decode()
        assert '<h1 class="govuk-heading-l">This spreadsheet has expired</h1>' in page
        assert "kept for 7 days" in page and "Ask for it again" in page
    # The one kept is still downloaded as before.
    assert officer_client.get(reverse("exports:export_download", args=[six_days_old.pk])).status_code == 200
