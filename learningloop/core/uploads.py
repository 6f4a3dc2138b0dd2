"""Checks for documents attached to learning activities: the file must be one of the allowed types, its
content must match the type its name claims (magic bytes; Office files are ZIPs with a
[Content_Types].xml), it must be at most 10 MB, and an Office ZIP must not unpack to more than 50 MB or
hold 1,000 entries or more (a zip bomb is refused without unpacking it)."""

import os
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError

MAX_SIZE = 10 * 1024 * 1024
MAX_UNPACKED = 50 * 1024 * 1024
MAX_ENTRIES = 1000

WRONG_TYPE = "The selected file must be a PDF, Word, Excel, PowerPoint, CSV, text, PNG or JPEG file"
TOO_LARGE = "The selected file must be smaller than 10 MB"
EMPTY = "The selected file is empty"
UNSAFE_ARCHIVE = "The selected file could not be checked safely: it unpacks to too much data"

OFFICE = {
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/"),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/"),
}
SIGNATURES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}
TEXT = {".csv": "text/csv", ".txt": "text/plain"}


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str
    size: int


def _head(upload, n):
    upload.seek(0)
    data = upload.read(n)
    upload.seek(0)
    return data


def _check_office(upload, folder):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) >= MAX_ENTRIES:
                raise ValidationError(UNSAFE_ARCHIVE, code="zip_bomb")
            if sum(e.file_size for e in entries) >= MAX_UNPACKED:
                raise ValidationError(UNSAFE_ARCHIVE, code="zip_bomb")
            names = {e.filename for e in entries}
            if "[Content_Types].xml" not in names or not any(n.startswith(folder) for n in names):
                raise ValidationError(WRONG_TYPE, code="wrong_type")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise ValidationError(WRONG_TYPE, code="wrong_type") from None
    finally:
        upload.seek(0)


def _check_text(upload):
    """Plain text or CSV: UTF-8 (or Windows-1252) with no NUL bytes or other binary control characters."""
    upload.seek(0)
    data = upload.read(MAX_SIZE + 1)
    upload.seek(0)
    if b"\x00" in data:
        raise ValidationError(WRONG_TYPE, code="wrong_type")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ValidationError(WRONG_TYPE, code="wrong_type") from None
    if any(ord(c) < 32 and c not in "\t\r\n\f" for c in text):
        raise ValidationError(WRONG_TYPE, code="wrong_type")


def check_upload(upload) -> CheckedFile:
    """Return the checked type of an uploaded file, or raise ValidationError with a GOV.UK-style message."""
    size = upload.size or 0
    if size > MAX_SIZE:
        raise ValidationError(TOO_LARGE, code="too_large")
    if size == 0:
        raise ValidationError(EMPTY, code="empty")
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension in SIGNATURES:
        content_type, magics = SIGNATURES[extension]
        head = _head(upload, 16)
        if not any(head.startswith(m) for m in magics):
            raise ValidationError(WRONG_TYPE, code="wrong_type")
    elif extension in OFFICE:
        content_type, folder = OFFICE[extension]
        if _head(upload, 4) != b"PK\x03\x04":
            raise ValidationError(WRONG_TYPE, code="wrong_type")
        _check_office(upload, folder)
    elif extension in TEXT:
        content_type = TEXT[extension]
        _check_text(upload)
    else:
        raise ValidationError(WRONG_TYPE, code="wrong_type")
    return CheckedFile(content_type=content_type, extension=extension, size=size)
