"""The writes of the public learning hub: publishing a working record as a snapshot after the recorded
check, retiring it (the record is kept), and counting page views and downloads."""

import datetime
import os

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.text import slugify

from learningloop.core import publishing
from learningloop.core.publishing import PublicSection
from learningloop.core.stored_files import display_name
from learningloop.core.uploads import check_upload

from ..models import Publication, PublicationCheck, PublicationFile, PublicationStatus, PublicTheme
from .cleaning import PUBLISHABLE, WRONG_TYPE, clean_document
from .kinds import text_html

NO_SOURCE_TYPE = "There is no learning source type called ‘Website statistics’: add it to the framework first"
CHECK_MISSING = "Confirm that the item identifies no child, family member or practitioner"
ALREADY_PUBLISHED = "This item is already published"
TOO_EARLY = "A published case review stays online for at least 12 months: it may be retired from {date}"


RESERVED_SLUGS = frozenset({"manage", "themes", "feed-atom", "feed"})


def _unique_slug(title: str) -> str:
    base = slugify(title)[:200] or "publication"
    if base in RESERVED_SLUGS:
        base = f"{base}-publication"
    slug, n = base, 2
    while Publication.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _search_text(title, summary, sections) -> str:
    from django.utils.html import strip_tags

    return " ".join([title, summary, *(f"{s.heading} {strip_tags(s.html)}" for s in sections)])


@transaction.atomic
def publication_publish(
    *,
    kind_code: str,
    source_id: int,
    by,
    no_child: bool,
    no_family_member: bool,
    no_practitioner: bool,
    notes: str = "",
    document=None,
) -> Publication:
    """Publish a working record: check recorded (all three confirmations, who and when), snapshot built from
    the kind's allow-list only, any document stored after its metadata was removed, and the kind's effect on
    the working record (a review's publication date). All or nothing; ValidationError on a refusal."""
    kind = publishing.get_kind(kind_code)
    if kind is None:
        raise ValidationError("There is no such kind of publication")
    obj = kind.candidates().filter(pk=source_id).first()
    if obj is None:
        raise ValidationError("This item cannot be published")
    if not (no_child and no_family_member and no_practitioner):
        raise ValidationError({"no_child": CHECK_MISSING})
    if Publication.objects.live().filter(kind=kind.code, source_id=obj.pk).exists():
        raise ValidationError(ALREADY_PUBLISHED)
    snapshot = kind.snapshot(obj)
    sections = list(snapshot.sections)
    if kind.notes_label and notes.strip():
        sections.append(PublicSection(kind.notes_label, text_html(notes)))
    now = timezone.now()
    today = timezone.localdate(now)
    publication = Publication(
        kind=kind.code,
        kind_label=snapshot.kind_label or kind.label,
        source_id=obj.pk,
        slug=_unique_slug(snapshot.title),
        title=snapshot.title[:250],
        summary=snapshot.summary or "",
        sections=[{"heading": s.heading, "html": s.html} for s in sections],
        search_text=_search_text(snapshot.title, snapshot.summary or "", sections),
        key_message_ids=list(snapshot.key_message_ids),
        published_at=now,
        published_by=by,
        keep_until=today + relativedelta(months=kind.keep_online_months) if kind.keep_online_months else None,
    )
    publication.full_clean()
    try:
        with transaction.atomic():
            publication.save()
    except IntegrityError:
        raise ValidationError(ALREADY_PUBLISHED) from None
    themes = []
    for name in snapshot.themes:
        theme, _ = PublicTheme.objects.get_or_create(
            name=name, defaults={"slug": slugify(name)[:110] or "theme"}
        )
        themes.append(theme)
    publication.themes.set(themes)
    check = PublicationCheck(
        publication=publication,
        no_child=True,
        no_family_member=True,
        no_practitioner=True,
        checked_by=by,
        checked_at=now,
    )
    check.full_clean()
    check.save()
    if kind.on_published:
        kind.on_published(obj, today, by)
    if document is not None:  # last: a refused document leaves nothing behind
        publication_file_attach(publication=publication, upload=document, by=by)
    return publication


def publication_file_attach(*, publication: Publication, upload, by=None) -> PublicationFile:
    """Check an upload (core.uploads), remove its author, comments and revision metadata and store the
    cleaned copy. Only PDF, Word and Excel files may be published."""
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in PUBLISHABLE:
        raise ValidationError({"document": WRONG_TYPE})
    try:
        checked = check_upload(upload)
        upload.seek(0)
        cleaned = clean_document(upload.read(), extension, title=publication.title)
    except ValidationError as error:
        raise ValidationError({"document": error.messages}) from None
    stored = PublicationFile(
        publication=publication,
        original_name=display_name(upload.name),
        content_type=checked.content_type,
        size=len(cleaned),
        uploaded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    stored.file.save(f"document{extension}", ContentFile(cleaned), save=False)
    try:
        stored.full_clean()
        stored.save()
    except Exception:
        stored.file.delete(save=False)
        raise
    return stored


@transaction.atomic
def publication_retire(*, publication: Publication, by, reason: str, on: datetime.date | None = None):
    """Take an item off the public site; the snapshot, its check and who retired it and why are kept."""
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    on = on or timezone.localdate()
    if publication.status != PublicationStatus.PUBLISHED:
        raise ValidationError("This item is already retired")
    if publication.keep_until and on < publication.keep_until:
        raise ValidationError({"reason": TOO_EARLY.format(date=f"{publication.keep_until:%-d %B %Y}")})
    if not (reason or "").strip():
        raise ValidationError({"reason": "Enter why the item is being retired"})
    publication.status = PublicationStatus.RETIRED
    publication.retired_at = timezone.now()
    publication.retired_by = by
    publication.retire_reason = reason.strip()
    publication.version += 1
    publication.full_clean()
    publication.save()
    return publication


def _financial_year(start_year: int):
    return datetime.date(start_year, 4, 1), datetime.date(start_year + 1, 3, 31)


@transaction.atomic
def website_statistics_record(*, start_year: int, by):
    """Record the hub's page views and downloads of one financial year (April to March) as a "Website
    statistics" source in the learning register (seed 2.1), with the counts per publication."""
    from learningloop.learning.models import ActivityStatus, LearningActivity
    from learningloop.learning.register.services import activity_save
    from learningloop.partnership.models import LearningSourceType

    from ..models import MonthlyCount

    source_type = LearningSourceType.objects.filter(name__iexact="Website statistics").first()
    if source_type is None:
        raise ValidationError({"start_year": NO_SOURCE_TYPE})
    first, last = _financial_year(start_year)
    rows = (
        MonthlyCount.objects.filter(month__range=(first, last))
        .values("publication__title")
        .annotate(views=Sum("views"), downloads=Sum("downloads"))
        .order_by("-views", "publication__title")
    )
    if not rows:
        raise ValidationError({"start_year": "There are no page views or downloads in that year"})
    lines = [
        f"{row['publication__title']}: {row['views']:,} page views, {row['downloads']:,} downloads"
        for row in rows
    ]
    total_views = sum(row["views"] for row in rows)
    total_downloads = sum(row["downloads"] for row in rows)
    description = (
        f"Public learning hub, {first:%B %Y} to {last:%B %Y}: {total_views:,} page views and "
        f"{total_downloads:,} downloads, counted per publication and month without cookies.\n\n"
        + "\n".join(lines)
    )
    activity = LearningActivity(
        title=f"Website statistics {start_year}–{str(start_year + 1)[-2:]} (learning hub)",
        source_type=source_type,
        description=description,
        started_on=first,
        completed_on=min(last, timezone.localdate()),
        status=ActivityStatus.COMPLETED,
    )
    return activity_save(activity=activity, by=by)
