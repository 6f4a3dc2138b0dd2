"""Files people upload (activity documents, agency evidence, action evidence): one abstract model, one way
to attach a checked upload, one way to download it. Uploads are checked for type, size and unpacked size
(core.uploads), stored under random names (core.files), and served as attachments with nosniff."""

import os

from django.conf import settings
from django.core.files.base import File
from django.db import models, transaction
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from .access import get_visible_or_404
from .uploads import check_upload


class StoredFile(models.Model):
    """A file stored under a generated name; the original name is kept for display and downloads only.
    Concrete models add the foreign key to what the file belongs to and `file` with their upload_to."""

    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name


def display_name(name: str, fallback: str = "document") -> str:
    """The original name for display and download: no folders, no control characters, no quotes."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(c for c in base if c.isprintable() and c not in '"')
    return (base or fallback)[-255:]


def attach_upload(*, stored: StoredFile, upload, by=None) -> StoredFile:
    """Check an upload and save it with its record. All or nothing: a file that fails the checks is never
    stored, and a stored file is removed again if the record cannot be saved. Raises ValidationError."""
    checked = check_upload(upload)
    stored.original_name = display_name(upload.name)
    stored.content_type = checked.content_type
    stored.size = checked.size
    stored.uploaded_by = by if getattr(by, "is_authenticated", False) else None
    upload.seek(0)
    stored.file.save(f"upload{checked.extension}", File(upload), save=False)  # upload_to gives a random name
    try:
        with transaction.atomic():
            stored.full_clean()
            stored.save()
    except Exception:
        stored.file.delete(save=False)
        raise
    return stored


def _as_attachment(response, filename):
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def attachment_response(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """Every download the app builds (PDF, Word, CSV, Excel) goes out as an attachment with nosniff, so a
    browser never renders it in the app's origin."""
    return _as_attachment(HttpResponse(content, content_type=content_type), filename)


def download_response(stored: StoredFile) -> FileResponse:
    """Serve a stored file as an attachment under its original name; a missing file is a 404, not a 500."""
    try:
        handle = stored.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("The file is missing") from None
    return _as_attachment(FileResponse(handle, content_type=stored.content_type), stored.original_name)


def child_file_download(request, files, *, pk, parent, parent_field):
    """Download a file that belongs to a record (evidence of an action or of an agency's response, an
    activity's document): it is visible exactly when its parent record is. `files` is the file model's
    queryset, `parent` the parent model's (scoped by its own `visible_to`), `parent_field` the foreign key's
    name. An unknown file or a parent the user may not see is a 404."""
    stored = files.filter(pk=pk).first()
    if stored is None:
        raise Http404
    get_visible_or_404(parent, request.user, pk=getattr(stored, f"{parent_field}_id"))
    return download_response(stored)


def streaming_attachment_response(chunks, *, filename: str, content_type: str) -> StreamingHttpResponse:
    """A download written as it is sent (a long CSV): an attachment with nosniff, like every other."""
    return _as_attachment(StreamingHttpResponse(chunks, content_type=content_type), filename)


def field_file_response(field_file, *, filename: str, content_type: str) -> FileResponse:
    """Serve a file field's file as an attachment under `filename`; a missing file is a 404, not a 500."""
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError, ValueError):
        raise Http404("The file is missing") from None
    return _as_attachment(FileResponse(handle, content_type=content_type), filename)
