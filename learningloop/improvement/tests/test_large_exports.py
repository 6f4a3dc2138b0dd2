"""A large action export is built by the background worker (core.spreadsheets, ADR 0038): the request only
queues it and sends the user to a progress page; the worker writes the same spreadsheet a small export gets,
with the user's rights when it runs; the download is theirs alone."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from learningloop.core.models import SpreadsheetExport
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
