"""Remove the author, comments and revision metadata from a document before it is published.

Word (python-docx): the core properties (author, last modified by, comments, revision, dates...) are
emptied, the comments part and every comment anchor are removed, and tracked changes lose their author.
Excel (openpyxl): the workbook properties are emptied and cell comments removed. PDF (pypdf): the document
information dictionary and the XMP metadata stream are dropped and comment annotations removed.
The title is kept (it is what the public sees); it is set to the publication's title."""

import datetime
import io

from django.core.exceptions import ValidationError

CANNOT_CLEAN = (
    "The selected file could not be opened to remove its metadata. Save it again and upload the copy"
)
PUBLISHABLE = (".pdf", ".docx", ".xlsx")
WRONG_TYPE = "The selected file must be a PDF, Word (.docx) or Excel (.xlsx) file"
EPOCH = datetime.datetime(2000, 1, 1)
COMMENT_ANNOTATIONS = ("/Text", "/FreeText", "/Popup", "/Highlight", "/Underline", "/StrikeOut", "/Squiggly")


def clean_document(data: bytes, extension: str, *, title: str) -> bytes:
    cleaner = {".docx": _clean_docx, ".xlsx": _clean_xlsx, ".pdf": _clean_pdf}.get(extension)
    if cleaner is None:
        raise ValidationError(WRONG_TYPE, code="wrong_type")
    try:
        return cleaner(data, title)
    except ValidationError:
        raise
    except Exception as error:  # a damaged file of the right type: refuse it, never publish it as it is
        raise ValidationError(CANNOT_CLEAN, code="cannot_clean") from error


def _clean_docx(data: bytes, title: str) -> bytes:
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(data))
    props = document.core_properties
    for name in (
        "author",
        "last_modified_by",
        "comments",
        "category",
        "keywords",
        "subject",
        "content_status",
    ):
        setattr(props, name, "")
    props.identifier = ""
    props.title = title
    props.revision = 1
    props.created = props.modified = EPOCH
    props.last_printed = EPOCH
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype == RT.COMMENTS or "comments" in rel.reltype.lower():
            del part.rels[rel_id]
    body = part.element
    for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
        for element in list(body.iter(qn(tag))):
            parent = element.getparent()
            if tag == "w:commentReference" and parent.tag == qn("w:r"):
                parent.getparent().remove(parent)
            else:
                parent.remove(element)
    for tag in ("w:ins", "w:del"):
        for element in list(body.iter(qn(tag))):
            element.set(qn("w:author"), "")
            element.attrib.pop(qn("w:date"), None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _clean_xlsx(data: bytes, title: str) -> bytes:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data))
    props = workbook.properties
    for name in ("creator", "lastModifiedBy", "description", "subject", "keywords", "category", "identifier"):
        setattr(props, name, None)
    props.title = title
    props.revision = None
    props.created = props.modified = EPOCH
    props.lastPrinted = None
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.comment is not None:
                    cell.comment = None
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _clean_pdf(data: bytes, title: str) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise ValidationError(CANNOT_CLEAN, code="cannot_clean")
    writer = PdfWriter(clone_from=reader)
    writer.metadata = None
    root = writer._root_object
    if NameObject("/Metadata") in root:
        del root[NameObject("/Metadata")]
    writer.add_metadata({"/Title": title})
    for page in writer.pages:
        annots = page.get("/Annots")
        if annots is None:
            continue
        kept = [a for a in annots if a.get_object().get("/Subtype") not in COMMENT_ANNOTATIONS]
        if kept:
            from pypdf.generic import ArrayObject

            page[NameObject("/Annots")] = ArrayObject(kept)
        else:
            del page[NameObject("/Annots")]
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
