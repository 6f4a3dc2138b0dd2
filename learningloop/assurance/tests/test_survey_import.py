"""Importing a survey's responses from a CSV or Excel file through the one import path: a template with a
column per question, all or nothing, every problem in plain words by row and column, and a large file (the
health-related behaviour questionnaire's 1,700 responses) checked and saved in the background."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from learningloop.assurance.models import SurveyAnswer, SurveyResponse
from learningloop.core.models import ImportRun
from learningloop.core.tests.worker import run_worker

from .factories_surveys import survey

pytestmark = pytest.mark.django_db

YEAR, SAFE, WORRIES = "Which school year are you in?", "How safe do you feel at school?", "What worries you?"
LISTEN, ELSE = "How well do adults listen to you?", "Anything else you want to tell us?"
HEADER = ["Date answered", YEAR, SAFE, WORRIES, LISTEN, ELSE]


def _csv(*rows):
    lines = [",".join(HEADER), *(",".join(f'"{c}"' for c in row) for row in rows)]
    return SimpleUploadedFile("hrbq.csv", ("\r\n".join(lines) + "\r\n").encode(), content_type="text/csv")


def _import(client, made, upload):
    return client.post(reverse("assurance:survey_import", args=[made.pk]), {"file": upload})


def test_the_template_has_a_column_per_question(officer_client):
    made = survey()
    response = officer_client.get(reverse("assurance:survey_import_template", args=[made.pk]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in next(sheet.iter_rows(max_row=1))] == HEADER


def test_a_file_with_bad_rows_saves_nothing_and_says_what_is_wrong_in_plain_words(officer_client):
    made = survey()
    page = _import(
        officer_client,
        made,
        _csv(
            ["01/10/2026", "Year 8", "Safe", "Online; Home", "4", "Fine"],  # a good row: not saved either
            ["", "Year 9", "Safe", "", "3", ""],
            ["", "Year 8", "", "", "7", ""],
            ["", "Year 10", "Unsafe", "Spiders", "lots", ""],
            ["31/12/2999", "Year 10", "Unsafe", "", "2.5", ""],
        ),
    )
    assert page.status_code == 200
    text = page.text
    assert "The selected file has 7 problems: nothing was imported" in text
    assert (
        "Row 3, Which school year are you in?: ‘Year 9’ is not one of the answers. "
        "Use one of: Year 8, Year 10" in text
    )
    assert "Row 4, How safe do you feel at school?: An answer is required: this cell is blank" in text
    assert "Row 4, How well do adults listen to you?: 7 is out of range: the scale goes from 1 to 5" in text
    assert "Row 5, What worries you?: ‘Spiders’ is not one of the answers" in text
    assert "Row 5, How well do adults listen to you?: The answer must be a number from 1 to 5" in text
    assert "Row 6, Date answered: The date answered cannot be in the future" in text
    assert "Row 6, How well do adults listen to you?: The answer must be a whole number" in text
    assert not SurveyResponse.objects.exists() and not SurveyAnswer.objects.exists()


def test_a_file_missing_a_required_question_column_saves_nothing(officer_client):
    made = survey()
    upload = SimpleUploadedFile(
        "hrbq.csv", f"{YEAR},{LISTEN}\r\nYear 8,3\r\n".encode(), content_type="text/csv"
    )
    page = _import(officer_client, made, upload)
    assert "The file has no ‘How safe do you feel at school?’ column" in page.text
    assert not SurveyResponse.objects.exists()


def test_a_clean_file_is_imported_with_its_groups_and_dates(officer_client):
    made = survey()
    response = _import(
        officer_client,
        made,
        _csv(
            ["01/10/2026", "Year 8", "safe", "Online; Home", "4", "I like my form tutor"],
            ["", "Year 10", "Not sure", "", "1", ""],
        ),
    )
    assert response.status_code == 302
    saved = SurveyResponse.objects.order_by("pk")
    assert [(r.respondent_group, r.channel) for r in saved] == [("Year 8", "import"), ("Year 10", "import")]
    assert saved[0].submitted_at.date().isoformat() == "2026-10-01"
    assert sorted(a.option.label for a in saved[0].answers.filter(question__text=WORRIES)) == [
        "Home",
        "Online",
    ]
    assert saved[0].answers.get(question__text=SAFE).option.label == "Safe"  # matched whatever the case
    assert saved[1].answers.count() == 3


def test_a_large_file_is_imported_in_the_background(
    officer_client, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_BACKGROUND_ROWS = 100
    made = survey(title="Health-related behaviour questionnaire", slug="hrbq")
    rows = [
        ["", ("Year 8", "Year 10")[i % 2], ("Safe", "Unsafe")[i % 3 == 0], "Online", str(1 + i % 5), ""]
        for i in range(1700)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = _import(officer_client, made, _csv(*rows))
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "assurance:survey_import_run", args=[run.pk]
    )
    progress = officer_client.get(response.url)
    assert progress.status_code == 200 and "Waiting to start" in progress.text
    run_worker()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.saved_rows == 1700
    assert SurveyResponse.objects.filter(survey=made, import_run=run).count() == 1700
    assert SurveyResponse.objects.filter(survey=made, respondent_group="Year 8").count() == 850
    assert "Imported" in officer_client.get(response.url).text
