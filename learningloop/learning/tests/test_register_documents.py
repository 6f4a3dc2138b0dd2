"""Documents attached to activities: upload, download and delete."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learningloop.learning.models import ActivityDocument

from .factories_register import PDF_BYTES, ActivityFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def _stored(settings):
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _upload_url(activity):
    return reverse("learning:document_upload", args=[activity.pk])


def test_upload_page_is_a_multipart_form(officer_client):
    body = officer_client.get(_upload_url(ActivityFactory())).content.decode()
    assert 'enctype="multipart/form-data"' in body and 'type="file"' in body and "csrfmiddlewaretoken" in body


def test_officer_uploads_a_pdf(officer_client, settings):
    activity = ActivityFactory()
    response = officer_client.post(
        _upload_url(activity), {"file": SimpleUploadedFile("Ofsted letter.pdf", PDF_BYTES)}, follow=True
    )
    assert "Document added" in response.content.decode()
    document = ActivityDocument.objects.get()
    assert document.activity == activity and document.original_name == "Ofsted letter.pdf"
    assert "Ofsted" not in document.file.name and len(_stored(settings)) == 1
    assert "Ofsted letter.pdf" in response.content.decode()  # listed on the activity page


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("fake.pdf", b"some text", "must be a PDF, Word, Excel, PowerPoint, CSV, text, PNG or JPEG file"),
        ("huge.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024), "The selected file must be smaller than 10 MB"),
        ("virus.exe", b"MZ\x90\x00", "The selected file must be a PDF"),
    ],
)  # fmt: skip
def test_bad_uploads_are_explained_and_nothing_is_saved(officer_client, settings, name, content, message):
    response = officer_client.post(
        _upload_url(ActivityFactory()), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not ActivityDocument.objects.exists() and _stored(settings) == []


def test_no_file_chosen(officer_client):
    response = officer_client.post(_upload_url(ActivityFactory()), {})
    assert response.status_code == 200 and "Select a file" in response.content.decode()


@pytest.mark.parametrize("persona", ["read_only", "agency_lead", "scrutineer"])
def test_read_only_personas_cannot_upload(persona_client, persona, settings):
    response = persona_client(persona).post(
        _upload_url(ActivityFactory()), {"file": SimpleUploadedFile("a.pdf", PDF_BYTES)}
    )
    assert response.status_code == 403
    assert not ActivityDocument.objects.exists() and _stored(settings) == []


def test_upload_wrong_method_and_anonymous(officer_client, client):
    activity = ActivityFactory()
    assert officer_client.put(_upload_url(activity)).status_code == 405
    response = client.post(_upload_url(activity), {"file": SimpleUploadedFile("a.pdf", PDF_BYTES)})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ActivityDocument.objects.exists()


def test_download_streams_the_file_as_an_attachment(persona_client):
    document = DocumentFactory(original_name="Neglect audit – summary.pdf")
    response = persona_client("read_only").get(reverse("learning:document_download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Neglect" in response["Content-Disposition"]


def test_download_needs_sign_in_and_an_existing_document(client, officer_client):
    document = DocumentFactory()
    url = reverse("learning:document_download", args=[document.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert officer_client.get(reverse("learning:document_download", args=[987654])).status_code == 404


def test_download_of_a_missing_file_is_404_not_500(officer_client):
    document = DocumentFactory()
    document.file.storage.delete(document.file.name)
    assert officer_client.get(reverse("learning:document_download", args=[document.pk])).status_code == 404


def test_delete_asks_then_removes_row_and_file(officer_client, settings, django_capture_on_commit_callbacks):
    document = DocumentFactory(original_name="Old report.pdf")
    url = reverse("learning:document_delete", args=[document.pk])
    body = officer_client.get(url).content.decode()
    assert "Delete Old report.pdf?" in body and "Delete document" in body
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url)
    assert response.status_code == 302
    assert not ActivityDocument.objects.exists() and _stored(settings) == []


def test_read_only_cannot_delete_and_wrong_method_is_405(persona_client, officer_client):
    document = DocumentFactory()
    url = reverse("learning:document_delete", args=[document.pk])
    assert persona_client("read_only").post(url).status_code == 403
    assert officer_client.put(url).status_code == 405
    assert ActivityDocument.objects.filter(pk=document.pk).exists()
