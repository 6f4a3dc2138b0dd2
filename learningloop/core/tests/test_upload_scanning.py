"""Uploads through a real form (a document attached to a learning activity): ClamAV's verdict when a
scanner is configured, failing closed; and the files refused whatever any scanner says — macro-enabled
Office files under an innocent name, files that are two formats at once, PDFs with JavaScript or launch
actions. Each refusal is a GOV.UK error on the form, and nothing is saved or stored."""

import io
import tempfile
import zipfile
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learningloop.core import uploads
from learningloop.learning.models import ActivityDocument
from learningloop.learning.tests.factories_register import ActivityFactory

from .fake_clamd import EICAR, FakeClamd

pytestmark = pytest.mark.django_db

CLEAN_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf(*objects: bytes) -> bytes:
    """A small PDF with these objects, numbered from 1."""
    body = b"%PDF-1.7\n"
    for number, obj in enumerate(objects, 1):
        body += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    return body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def stream(dictionary: bytes, content: bytes) -> bytes:
    data = zlib.compress(content)
    return b"<< %s /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(data), data)


def office(folder="word/", extra=(), content_types=b"<Types/>", compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr(f"{folder}document.xml", "<document/>")
        for name, data in extra:
            archive.writestr(name, data)
    return buffer.getvalue()


def a_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", b"MZ\x90\x00" * 10)
    return buffer.getvalue()


def _stored(settings):
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _upload(client, name, content):
    activity = ActivityFactory()
    return client.post(
        reverse("learning:document_upload", args=[activity.pk]), {"file": SimpleUploadedFile(name, content)}
    )


def _assert_refused(response, message, settings):
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert message in html
    assert not ActivityDocument.objects.exists()
    assert _stored(settings) == []


def _assert_accepted(response, settings):
    assert response.status_code == 302, response.content.decode()
    assert ActivityDocument.objects.count() == 1 and len(_stored(settings)) == 1


# --- The virus scanner (ClamAV's daemon, here a fake speaking INSTREAM) ---


def test_a_clean_file_is_scanned_once_and_saved(officer_client, settings):
    with FakeClamd() as clamd:
        settings.CLAMAV_SOCKET = clamd.address
        _assert_accepted(_upload(officer_client, "Ofsted letter.pdf", CLEAN_PDF), settings)
    assert clamd.scanned == [CLEAN_PDF]  # the whole file, and not again when the service saves it


def test_a_file_with_a_virus_is_refused(officer_client, settings):
    with FakeClamd() as clamd:
        settings.CLAMAV_SOCKET = clamd.address
        response = _upload(officer_client, "notes.txt", b"Meeting notes\n" + EICAR + b"\n")
    _assert_refused(response, "The selected file contains a virus", settings)
    assert len(clamd.scanned) == 1


def test_the_scanner_over_a_unix_socket(officer_client, settings):
    path = Path(tempfile.mkdtemp(prefix="clamd-", dir="/tmp")) / "clamd.ctl"  # short: unix paths max ~100
    with FakeClamd(unix_path=path) as clamd:
        settings.CLAMAV_SOCKET = clamd.address
        refused = _upload(officer_client, "notes.txt", EICAR)
        _assert_refused(refused, "The selected file contains a virus", settings)
        _assert_accepted(_upload(officer_client, "report.pdf", CLEAN_PDF), settings)
    path.unlink(missing_ok=True)
    path.parent.rmdir()


def test_when_the_scanner_cannot_be_reached_uploads_are_refused(officer_client, settings):
    with FakeClamd() as clamd:
        address = clamd.address  # a port that nothing listens on once the daemon has stopped
    settings.CLAMAV_SOCKET = address
    response = _upload(officer_client, "report.pdf", CLEAN_PDF)
    _assert_refused(response, "The selected file could not be checked for viruses. Try again later", settings)
    settings.CLAMAV_SOCKET = "/nonexistent/clamd.ctl"
    response = _upload(officer_client, "report.pdf", CLEAN_PDF)
    _assert_refused(response, "could not be checked for viruses", settings)


def test_when_the_scan_fails_the_upload_is_refused(officer_client, settings):
    with FakeClamd(mode="error") as clamd:
        settings.CLAMAV_SOCKET = clamd.address
        response = _upload(officer_client, "report.pdf", CLEAN_PDF)
    _assert_refused(response, "could not be checked for viruses", settings)


def test_when_the_scanner_does_not_answer_in_time_the_upload_is_refused(officer_client, settings):
    with FakeClamd(mode="silent") as clamd:
        settings.CLAMAV_SOCKET = clamd.address
        settings.CLAMAV_TIMEOUT = 1
        response = _upload(officer_client, "report.pdf", CLEAN_PDF)
    _assert_refused(response, "could not be checked for viruses", settings)


def test_without_a_scanner_configured_files_are_not_sent_anywhere(officer_client, settings):
    settings.CLAMAV_SOCKET = ""
    _assert_accepted(_upload(officer_client, "report.pdf", CLEAN_PDF), settings)


# --- Always refused, whatever the scanner says ---


@pytest.mark.parametrize(
    "name, content",
    [
        ("budget.xlsx", office("xl/", extra=[("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0macro")])),
        ("letter.docx", office("word/", extra=[("word/vbaProject.bin", b"\xd0\xcf\x11\xe0macro")])),
        ("letter.docx", office("word/", content_types=b'<Types><Override ContentType="application/'
                                                      b'vnd.ms-word.document.macroEnabled.main+xml"/></Types>')),
    ],
)  # fmt: skip
def test_office_files_with_macros_are_refused(officer_client, settings, name, content):
    with FakeClamd() as clamd:  # the scanner says OK; the file is refused all the same
        settings.CLAMAV_SOCKET = clamd.address
        response = _upload(officer_client, name, content)
    _assert_refused(response, "The selected file contains macros", settings)


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", CLEAN_PDF + a_zip()),  # a PDF header in front of a ZIP
        ("report.pdf", CLEAN_PDF[:-6] + a_zip()[:-22] + b"%%EOF\n"),  # a ZIP's local header inside
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32 + a_zip()),
        # "%PDF" inside a .docx (stored uncompressed, as a polyglot must be for a PDF reader to see it)
        ("letter.docx", office(extra=[("word/media/x.bin", CLEAN_PDF)], compression=zipfile.ZIP_STORED)),
    ],
)
def test_files_that_are_two_formats_at_once_are_refused(officer_client, settings, name, content):
    response = _upload(officer_client, name, content)
    _assert_refused(response, "has another type of file hidden inside it", settings)


@pytest.mark.parametrize(
    "content",
    [
        pdf(b"<< /Type /Catalog /OpenAction 2 0 R >>", b"<< /S /JavaScript /JS (app.alert(1)) >>"),
        pdf(b"<< /Type /Catalog /OpenAction << /S /JavaScript /JS 2 0 R >> >>", stream(b"", b"app.alert(1)")),
        pdf(b"<< /Type /Catalog /Names << /J#61vaScript 2 0 R >> >>", b"<< /Names [(x) 3 0 R] >>"),
        pdf(b"<< /Type /Catalog /OpenAction << /S /#4A#53 (app.alert(1)) >> >>"),
        pdf(b"<< /Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >> >>"),
        pdf(b"<< /Type /Catalog /OpenAction << /S /L#61unch /F (cmd.exe) >> >>"),
        # The action hidden in a compressed object stream.
        pdf(
            b"<< /Type /Catalog /OpenAction 3 0 R >>",
            stream(b"/Type /ObjStm /N 1 /First 4", b"3 0 << /S /JavaScript /JS (app.alert(1)) >>"),
        ),
    ],
)
def test_pdfs_with_javascript_or_launch_actions_are_refused(officer_client, settings, content):
    response = _upload(officer_client, "report.pdf", content)
    _assert_refused(response, "The selected PDF contains JavaScript or actions that open programs", settings)


def test_a_pdf_whose_object_stream_cannot_be_read_is_refused(officer_client, settings):
    content = pdf(
        b"<< /Type /Catalog >>",
        b"<< /Type /ObjStm /N 1 /First 4 /Length 8 >>\nstream\n\x8a\x01\xfe\x33\x10\x99\x00\x7f\nendstream",
    )  # encrypted, or under a filter the checks do not decode
    _assert_refused(_upload(officer_client, "report.pdf", content), uploads.PDF_UNCHECKABLE, settings)


@pytest.mark.parametrize(
    "content",
    [
        # Opening at a page, fitted to the window: an OpenAction without JavaScript is fine.
        pdf(b"<< /Type /Catalog /OpenAction [3 0 R /Fit] /Pages 2 0 R >>", b"<< /Type /Pages >>"),
        # Compressed page content and a compressed image.
        pdf(b"<< /Type /Catalog >>", stream(b"", b"BT /F1 12 Tf (Hello) Tj ET")),
        pdf(b"<< /Type /Catalog >>", stream(b"/Type /XObject /Subtype /Image", b"\x00" * 1000)),
        # Image data whose bytes happen to read "/JS (": not a script, it is inside a stream.
        pdf(b"<< >>", b"<< /Subtype /Image /Length 9 >>\nstream\n\xff/JS (\x00\xfe\nendstream"),
    ],
)
def test_ordinary_pdfs_are_accepted(officer_client, settings, content):
    _assert_accepted(_upload(officer_client, "report.pdf", content), settings)


def test_an_ordinary_word_file_is_accepted(officer_client, settings):
    _assert_accepted(_upload(officer_client, "letter.docx", office("word/")), settings)


def test_large_files_are_sent_to_the_scanner_in_chunks_and_arrive_whole():
    from learningloop.core import clamav

    content = CLEAN_PDF + bytes(range(256)) * 1024  # 256 KB: four chunks
    with FakeClamd() as clamd:
        clamav.scan(io.BytesIO(content), address=clamd.address, timeout=5)
    assert clamd.scanned == [content]


def test_a_scanner_address_without_a_port_refuses_uploads(officer_client, settings):
    settings.CLAMAV_SOCKET = "tcp://127.0.0.1"
    response = _upload(officer_client, "report.pdf", CLEAN_PDF)
    _assert_refused(response, "could not be checked for viruses", settings)
