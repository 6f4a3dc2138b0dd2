"""Services of the learning register: all-or-nothing writes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from learningloop.learning.models import ActivityDocument, Finding, FindingKind, LearningActivity
from learningloop.learning.register import services as services_register
from learningloop.partnership.tests.factories import AgencyFactory, LearningSourceTypeFactory

from .factories_register import PDF_BYTES, ActivityFactory, DocumentFactory, PriorityFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def _stored_files(settings):
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_activity_save_sets_agencies_and_priorities(bu_officer):
    agency, priority = AgencyFactory(), PriorityFactory()
    activity = LearningActivity(title="Neglect audit", source_type=LearningSourceTypeFactory())
    services_register.activity_save(
        activity=activity, provider_agencies=[agency], priorities=[priority], by=bu_officer
    )
    activity.refresh_from_db()
    assert list(activity.provider_agencies.all()) == [agency]
    assert list(activity.priorities.all()) == [priority]
    assert activity.created_by == bu_officer


def test_activity_save_refuses_completion_before_start_and_saves_nothing():
    activity = LearningActivity(
        title="Backwards",
        source_type=LearningSourceTypeFactory(),
        started_on=datetime.date(2025, 5, 1),
        completed_on=datetime.date(2025, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        services_register.activity_save(activity=activity, provider_agencies=[AgencyFactory()])
    assert "completed_on" in error.value.message_dict
    assert not LearningActivity.objects.exists()


def test_document_attach_stores_under_a_generated_name_and_keeps_the_original(settings, bu_officer):
    activity = ActivityFactory()
    upload = SimpleUploadedFile("../../Ofsted report <final>.pdf", PDF_BYTES)
    document = services_register.document_attach(activity=activity, upload=upload, by=bu_officer)
    assert document.original_name == "Ofsted report <final>.pdf"
    assert document.content_type == "application/pdf"
    assert document.size == len(PDF_BYTES)
    stored = document.file.name
    assert stored.startswith("activity-documents/")
    assert "Ofsted" not in stored and stored.endswith(".pdf") and len(stored.rsplit("/", 1)[1]) == 36
    assert document.file.read() == PDF_BYTES


def test_document_attach_refuses_a_fake_and_stores_nothing(settings):
    activity = ActivityFactory()
    with pytest.raises(ValidationError):
        services_register.document_attach(activity=activity, upload=SimpleUploadedFile("x.pdf", b"text"))
    assert not ActivityDocument.objects.exists()
    assert _stored_files(settings) == []


def test_document_attach_removes_the_file_when_the_row_cannot_be_saved(settings, monkeypatch):
    activity = ActivityFactory()

    def broken_save(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(ActivityDocument, "save", broken_save)
    with pytest.raises(RuntimeError):
        services_register.document_attach(activity=activity, upload=SimpleUploadedFile("x.pdf", PDF_BYTES))
    assert _stored_files(settings) == []


def test_document_delete_removes_row_and_file(settings, django_capture_on_commit_callbacks):
    document = DocumentFactory()
    path = document.file.path
    with django_capture_on_commit_callbacks(execute=True):
        services_register.document_delete(document=document)
    assert not ActivityDocument.objects.exists()
    assert _stored_files(settings) == [] and path


def test_finding_save_sets_themes(bu_officer):
    theme = ThemeFactory()
    finding = Finding(activity=ActivityFactory(), text="Fathers were not seen", kind=FindingKind.IMPROVEMENT)
    services_register.finding_save(finding=finding, themes=[theme], by=bu_officer)
    assert list(finding.themes.all()) == [theme]
    assert finding.created_by == bu_officer


def test_finding_save_refuses_unknown_kind_and_saves_nothing():
    finding = Finding(activity=ActivityFactory(), text="Text", kind="nonsense")
    with pytest.raises(ValidationError):
        services_register.finding_save(finding=finding, themes=[ThemeFactory()])
    assert not Finding.objects.exists()
