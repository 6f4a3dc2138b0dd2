"""Files people upload (activity documents, agency evidence, action evidence): one abstract model, one way
to attach a checked upload, one way to download it. Uploads are checked for type, size and unpacked size
(core.uploads), stored under random names (core.files), and served as attachments with nosniff."""

import os

from django.conf import settings
from django.core.files.base import File
from django.db import models, transaction
from django.http import FileResponse, Http404
from django.utils import timezone

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


def download_response(stored: StoredFile) -> FileResponse:
    """Serve a stored file as an attachment under its original name; a missing file is a 404, not a 500."""
    try:
        handle = stored.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("The file is missing") from None
    response = FileResponse(
        handle, as_attachment=True, filename=stored.original_name, content_type=stored.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
