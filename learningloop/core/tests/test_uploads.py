"""File checks for documents attached to learning activities."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from learningloop.core import uploads

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def office_zip(folder="word/", extra_entries=0, big_entry=0):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<document/>")
        for i in range(extra_entries):
            archive.writestr(f"{folder}media/{i}.xml", "")
        if big_entry:
            archive.writestr(f"{folder}big.xml", b"\0" * big_entry)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("report.pdf", PDF, "application/pdf"),
        ("chart.png", PNG, "image/png"),
        ("photo.JPG", JPEG, "image/jpeg"),
        ("photo.jpeg", JPEG, "image/jpeg"),
        ("notes.txt", "Plain notes – with a dash\n".encode(), "text/plain"),
        ("data.csv", b"a,b\r\n1,2\r\n", "text/csv"),
        ("report.docx", office_zip("word/"), uploads.OFFICE[".docx"][0]),
        ("data.xlsx", office_zip("xl/"), uploads.OFFICE[".xlsx"][0]),
        ("slides.pptx", office_zip("ppt/"), uploads.OFFICE[".pptx"][0]),
    ],
)
def test_allowed_files_pass_with_their_type(name, content, content_type):
    checked = uploads.check_upload(upload(name, content))
    assert checked.content_type == content_type
    assert checked.size == len(content)


@pytest.mark.parametrize(
    "name, content",
    [
        ("fake.pdf", b"This is just text pretending to be a PDF"),
        ("fake.png", PDF),
        ("fake.jpg", PNG),
        ("fake.docx", b"PK\x03\x04 but not really a zip"),
        ("not-office.docx", b"plain text"),
        ("wrong-office.docx", office_zip("xl/")),  # an Excel file named .docx
        ("binary.txt", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("program.exe", b"MZ\x90\x00"),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("no-extension", PDF),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(name, content):
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(upload(name, content))
    assert error.value.messages == [uploads.WRONG_TYPE]
    assert "must be a PDF, Word, Excel, PowerPoint, CSV, text, PNG or JPEG file" in uploads.WRONG_TYPE


def test_office_zip_without_content_types_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    with pytest.raises(ValidationError, match="must be a PDF"):
        uploads.check_upload(upload("report.docx", buffer.getvalue()))


def test_too_large_is_refused():
    content = PDF + b"0" * (uploads.MAX_SIZE + 1 - len(PDF))
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(upload("big.pdf", content))
    assert error.value.messages == ["The selected file must be smaller than 10 MB"]


def test_exactly_10_mb_is_allowed():
    content = PDF + b"0" * (uploads.MAX_SIZE - len(PDF))
    assert uploads.check_upload(upload("big.pdf", content)).size == uploads.MAX_SIZE


def test_empty_file_is_refused():
    with pytest.raises(ValidationError, match="empty"):
        uploads.check_upload(upload("empty.pdf", b""))


def test_zip_bomb_by_unpacked_size_is_refused():
    bomb = office_zip("word/", big_entry=uploads.MAX_UNPACKED)
    assert len(bomb) < 1024 * 1024  # small on disk, 50 MB unpacked
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(upload("bomb.docx", bomb))
    assert error.value.code == "zip_bomb"


def test_zip_bomb_by_number_of_entries_is_refused():
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(upload("many.xlsx", office_zip("xl/", extra_entries=uploads.MAX_ENTRIES)))
    assert error.value.code == "zip_bomb"


def test_file_is_rewound_after_checking():
    f = upload("report.pdf", PDF)
    uploads.check_upload(f)
    assert f.read() == PDF


def test_office_zip_with_encrypted_entries_is_refused_not_a_crash():
    content = bytearray(office_zip("word/"))
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # local and central headers
        start = 0
        while (start := content.find(signature, start)) >= 0:
            content[start + flag_offset] |= 0x01  # "encrypted"
            start += 4
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(upload("locked.docx", bytes(content)))
    assert error.value.messages == [uploads.WRONG_TYPE]
