"""Uploaded documents are published only after their author, comments and revision metadata were removed:
each test writes a document that has them, publishes it, and reads the published copy's metadata back."""

import datetime
import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learningloop.website.models import Publication, PublicationFile

from .factories import local_review, publish, publisher, ready_briefing

pytestmark = pytest.mark.django_db

AUTHOR = "Dr Practitioner Wilhelmina Crabtree"
COMMENT = "Check with the family before this goes out"


def _docx_with_metadata() -> bytes:
    from docx import Document

    document = Document()
    document.core_properties.author = AUTHOR
    document.core_properties.last_modified_by = AUTHOR
    document.core_properties.comments = COMMENT
    document.core_properties.revision = 17
    paragraph = document.add_paragraph("The review found that safe sleep advice was not repeated.")
    document.add_comment(paragraph.runs, text=COMMENT, author=AUTHOR, initials="WC")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx_with_metadata() -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    workbook = Workbook()
    workbook.properties.creator = AUTHOR
    workbook.properties.lastModifiedBy = AUTHOR
    workbook.properties.description = COMMENT
    workbook.active["A1"] = "Measure"
    workbook.active["A1"].comment = Comment(COMMENT, AUTHOR)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _pdf_with_metadata() -> bytes:
    from pypdf import PdfWriter
    from pypdf.annotations import Text

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Author": AUTHOR, "/Subject": COMMENT, "/Creator": "Word for Crabtree"})
    writer.add_annotation(0, Text(text=COMMENT, rect=(50, 550, 200, 650)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _published_bytes(stored: PublicationFile) -> bytes:
    with stored.file.open("rb") as handle:
        return handle.read()


def test_word_documents_lose_author_comments_and_revision():
    from docx import Document

    original = _docx_with_metadata()
    assert AUTHOR.encode() in zipfile.ZipFile(io.BytesIO(original)).read("docProps/core.xml")
    upload = SimpleUploadedFile("report.docx", original)
    item = publish("case_review", local_review(), publisher(), document=upload)
    data = _published_bytes(item.files.get())
    props = Document(io.BytesIO(data)).core_properties
    assert (props.author, props.last_modified_by, props.comments) == ("", "", "")
    assert props.revision == 1
    assert props.title == item.title
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert not [n for n in names if "comments" in n.lower()], names
        everything = b"".join(archive.read(n) for n in names)
    assert AUTHOR.encode() not in everything
    assert COMMENT.encode() not in everything
    assert b"safe sleep advice was not repeated" in everything  # the text itself is kept


def test_excel_workbooks_lose_author_and_comments():
    from openpyxl import load_workbook

    upload = SimpleUploadedFile("figures.xlsx", _xlsx_with_metadata())
    item = publish("learning_briefing", ready_briefing(), publisher(), document=upload)
    data = _published_bytes(item.files.get())
    workbook = load_workbook(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
    written = {element.tag.split("}")[1]: (element.text or "") for element in core}
    assert written.get("creator", "") == "" and written.get("lastModifiedBy", "") == ""
    assert written.get("description", "") == ""
    assert workbook.properties.lastModifiedBy in (None, "")
    assert workbook.active["A1"].value == "Measure"
    assert workbook.active["A1"].comment is None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist())
    assert AUTHOR.encode() not in everything and COMMENT.encode() not in everything


def test_pdfs_lose_author_and_comment_annotations():
    from pypdf import PdfReader

    upload = SimpleUploadedFile("report.pdf", _pdf_with_metadata())
    item = publish("case_review", local_review(), publisher(), document=upload)
    data = _published_bytes(item.files.get())
    reader = PdfReader(io.BytesIO(data))
    metadata = reader.metadata or {}
    assert "/Author" not in metadata and "/Subject" not in metadata and "/Creator" not in metadata
    assert metadata.get("/Title") == item.title
    assert "/Metadata" not in reader.trailer["/Root"]
    assert "/Annots" not in reader.pages[0]
    assert AUTHOR.encode() not in data and COMMENT.encode() not in data


def test_the_published_document_is_downloadable_and_counted(client):
    upload = SimpleUploadedFile("report.pdf", _pdf_with_metadata())
    item = publish("case_review", local_review(), publisher(), document=upload)
    stored = item.files.get()
    response = client.get(reverse("website:publication_file", kwargs={"slug": item.slug, "pk": stored.pk}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert AUTHOR.encode() not in b"".join(response.streaming_content)
    assert item.counts.get(month=datetime.date.today().replace(day=1)).downloads == 1


def test_a_refused_document_publishes_nothing(persona_client):
    review = local_review()
    client = persona_client("bu_admin")
    response = client.post(
        reverse("website:publish", kwargs={"kind_code": "case_review", "source_id": review.pk}),
        {
            "checks": ["no_child", "no_family_member", "no_practitioner"],
            "document": SimpleUploadedFile("notes.txt", b"plain text"),
        },
    )
    assert response.status_code == 200
    assert "The selected file must be a PDF, Word (.docx) or Excel (.xlsx) file" in response.content.decode()
    assert not Publication.objects.exists()
    review.refresh_from_db()
    assert review.published_on is None
    # A damaged Word file is refused too, and nothing is published.
    response = client.post(
        reverse("website:publish", kwargs={"kind_code": "case_review", "source_id": review.pk}),
        {
            "checks": ["no_child", "no_family_member", "no_practitioner"],
            "document": SimpleUploadedFile("broken.docx", b"not a zip at all"),
        },
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not Publication.objects.exists()
