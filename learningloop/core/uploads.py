"""Checks for documents attached to learning activities: the file must be one of the allowed types, its
content must match the type its name claims (magic bytes; Office files are ZIPs with a
[Content_Types].xml), it must be at most 10 MB, and an Office ZIP must not unpack to more than 50 MB or
hold 1,000 entries or more (a zip bomb is refused without unpacking it).

Whatever the virus scanner says, these are always refused (docs/adr/0015-network-trust-and-upload-scanning):
Office files with macros (a vbaProject.bin inside, or a macro-enabled content type) whatever their name;
files that are two formats at once (a ZIP inside a PDF or an image, a PDF inside an Office file); and PDFs
with JavaScript or launch actions (/JavaScript, /JS, /Launch, also hex-escaped like /J#61vaScript and inside
compressed object streams). Then, when CLAMAV_SOCKET is set, ClamAV's daemon scans the file and anything but
a clean answer refuses it (core.clamav)."""

import logging
import os
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

from . import clamav

logger = logging.getLogger(__name__)

MAX_SIZE = 10 * 1024 * 1024
MAX_UNPACKED = 50 * 1024 * 1024
MAX_ENTRIES = 1000

WRONG_TYPE = "The selected file must be a PDF, Word, Excel, PowerPoint, CSV, text, PNG or JPEG file"
TOO_LARGE = "The selected file must be smaller than 10 MB"
EMPTY = "The selected file is empty"
UNSAFE_ARCHIVE = "The selected file could not be checked safely: it unpacks to too much data"
MACROS = "The selected file contains macros. Save a copy without macros and upload that instead"
POLYGLOT = "The selected file has another type of file hidden inside it. Save it again and upload the copy"
PDF_ACTIVE = "The selected PDF contains JavaScript or actions that open programs. Print it to a new PDF first"
PDF_UNCHECKABLE = "The selected PDF is protected, so it cannot be checked. Upload an unprotected copy"
INFECTED = "The selected file contains a virus"
NOT_SCANNED = "The selected file could not be checked for viruses. Try again later"

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


def _all(upload) -> bytes:
    upload.seek(0)
    data = upload.read(MAX_SIZE + 1)
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
            content_types = archive.read("[Content_Types].xml").lower()
            if any(os.path.basename(n.replace("\\", "/")).lower() == "vbaproject.bin" for n in names) or (
                b"macroenabled" in content_types or b"vbaproject" in content_types
            ):
                raise ValidationError(MACROS, code="macros")
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        zlib.error,
        RuntimeError,
        NotImplementedError,
    ):  # broken, encrypted (RuntimeError) or oddly compressed entries
        raise ValidationError(WRONG_TYPE, code="wrong_type") from None
    finally:
        upload.seek(0)


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


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
    if _CONTROL_CHARACTERS.search(text):  # any below 32 but tab, line feed, form feed and carriage return
        raise ValidationError(WRONG_TYPE, code="wrong_type")


_ZIP_LOCAL_HEADER = re.compile(rb"PK\x03\x04")
_ZIP_METHODS = {0, 8, 9, 12, 14}  # stored, deflated, deflate64, bzip2, lzma


def _hides_a_zip(upload) -> bool:
    """A ZIP (and so possibly an Office file or an archive of anything) inside a PDF or an image: either a
    ZIP that zip readers would open (its end-of-central-directory record near the end), or a ZIP local file
    header with a plausible version, method and file name anywhere in the file."""
    upload.seek(0)
    try:
        if zipfile.is_zipfile(upload):
            return True
    finally:
        upload.seek(0)
    data = _all(upload)
    for match in _ZIP_LOCAL_HEADER.finditer(data):
        header = data[match.start() : match.start() + 30]
        if len(header) < 30:
            break
        version, _flags, method = struct.unpack("<HHH", header[4:10])
        name_length = struct.unpack("<H", header[26:28])[0]
        name = data[match.start() + 30 : match.start() + 30 + name_length]
        plausible = version <= 63 and method in _ZIP_METHODS and 0 < name_length <= 1024
        if plausible and len(name) == name_length and all(32 <= b < 127 for b in name):
            return True
    return False


def _pdf_name(name: str) -> bytes:
    """A regex for the PDF name /<name>, letter by letter either as itself or hex-escaped (#xx, PDF 1.7
    section 7.3.5): /J#61vaScript is /JavaScript to a PDF reader. Names are case-sensitive."""
    pattern = b"/"
    for char in name:
        high, low = f"{ord(char):02x}"
        pattern += b"(?:%s|#[%s%s][%s%s])" % (
            re.escape(char.encode()),
            *(c.encode() for c in (high, high.upper(), low, low.upper())),
        )
    return pattern + rb"(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])"  # the name ends there


# JavaScript actions (/S /JavaScript) and the document's scripts (/Names << /JavaScript ... >>) and launch
# actions: long enough to look for anywhere, even in binary stream data, without false alarms.
_PDF_ACTIONS = re.compile(_pdf_name("JavaScript") + b"|" + _pdf_name("Launch"))
# A script (/JS followed by a string or a reference): short, so looked for only outside stream data.
_PDF_SCRIPT = re.compile(_pdf_name("JS") + rb"[\x00\t\n\x0c\r ]*[(<0-9]")
_PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_PDF_OBJECT_STREAM = re.compile(_pdf_name("ObjStm") + b"|" + _pdf_name("First"))


def _pdf_parts(data: bytes):
    """(text outside stream data, [object streams' raw data]). Objects, with their actions, are either
    outside streams or packed in compressed object streams (/Type /ObjStm, with /N and /First)."""
    outside, object_streams, position = [], [], 0
    for match in _PDF_STREAM.finditer(data):
        if match.start() < position:
            continue
        end = data.find(b"endstream", match.end())
        if end < 0:
            break
        outside.append(data[position : match.end()])
        dictionary = data[max(position, match.start() - 2048) : match.start()].rsplit(b"obj", 1)[-1]
        if _PDF_OBJECT_STREAM.search(dictionary):
            object_streams.append(data[match.end() : end])
        position = end
    outside.append(data[position:])
    return b"".join(outside), object_streams


def _check_pdf(upload):
    if _hides_a_zip(upload):
        raise ValidationError(POLYGLOT, code="polyglot")
    data = _all(upload)
    outside, object_streams = _pdf_parts(data)
    if _PDF_ACTIONS.search(data) or _PDF_SCRIPT.search(outside):
        raise ValidationError(PDF_ACTIVE, code="pdf_active_content")
    budget = MAX_UNPACKED
    for raw in object_streams:
        try:
            objects = zlib.decompressobj().decompress(raw, budget + 1)
        except zlib.error:  # another filter, or encrypted: it cannot be checked
            raise ValidationError(PDF_UNCHECKABLE, code="pdf_uncheckable") from None
        budget -= len(objects)
        if budget < 0:
            raise ValidationError(UNSAFE_ARCHIVE, code="zip_bomb")
        if _PDF_ACTIONS.search(objects) or _PDF_SCRIPT.search(objects):
            raise ValidationError(PDF_ACTIVE, code="pdf_active_content")


def _scan(upload):
    """ClamAV's verdict when CLAMAV_SOCKET is set; fail closed on anything but a clean answer."""
    address = getattr(settings, "CLAMAV_SOCKET", "")
    if not address:
        return
    try:
        clamav.scan(upload, address=address, timeout=getattr(settings, "CLAMAV_TIMEOUT", 30))
    except clamav.Infected as found:
        logger.warning("Upload refused: the virus scanner found %s", found.signature)
        raise ValidationError(INFECTED, code="infected") from None
    except clamav.ScanError as error:
        logger.error("Upload refused: it could not be scanned for viruses (%s)", error)
        raise ValidationError(NOT_SCANNED, code="not_scanned") from None


def check_upload(upload) -> CheckedFile:
    """Return the checked type of an uploaded file, or raise ValidationError with a GOV.UK-style message.
    A file that passed is remembered on the upload, so the service that saves it does not scan it again."""
    if isinstance(checked := getattr(upload, "_learningloop_checked", None), CheckedFile):
        return checked
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
        if extension == ".pdf":
            _check_pdf(upload)
        elif _hides_a_zip(upload):
            raise ValidationError(POLYGLOT, code="polyglot")
    elif extension in OFFICE:
        content_type, folder = OFFICE[extension]
        if _head(upload, 4) != b"PK\x03\x04":
            raise ValidationError(WRONG_TYPE, code="wrong_type")
        _check_office(upload, folder)
        if b"%PDF-" in _all(upload):
            raise ValidationError(POLYGLOT, code="polyglot")
    elif extension in TEXT:
        content_type = TEXT[extension]
        _check_text(upload)
    else:
        raise ValidationError(WRONG_TYPE, code="wrong_type")
    _scan(upload)
    checked = CheckedFile(content_type=content_type, extension=extension, size=size)
    upload._learningloop_checked = checked
    return checked
