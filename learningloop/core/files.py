"""Uploaded files are stored under random names in dated folders; the original name is kept only in the
record, for display and downloads, never as a path."""

import os
import uuid

from django.utils import timezone


def random_name(folder: str, filename: str) -> str:
    extension = os.path.splitext(filename or "")[1].lower()
    extension = extension if extension[1:].isalnum() and len(extension) <= 6 else ""
    return f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"
