"""Records the authorisation walk needs for the learning hub's URLs: a published briefing with a theme and a
document (public pages), another to retire, a ready briefing waiting to be published, and this month's
counts with the framework's "Website statistics" source type (to record them in the learning register)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from learningloop.dissemination.models import BriefingKind
from learningloop.partnership.models import LearningSourceType
from learningloop.website.models import PublicTheme
from learningloop.website.public.services import monthly_count_record

from .factories import publish, publisher, ready_briefing


def _pdf():
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile("walk.pdf", out.getvalue())


def extend(objects):
    by = publisher()
    item = publish("learning_briefing", ready_briefing(title="Walk published briefing"), by, document=_pdf())
    theme = PublicTheme.objects.create(name="Walk theme", slug="walk-theme")
    item.themes.add(theme)
    objects["website_publication"] = item
    objects["website_file"] = item.files.get()
    objects["website_theme"] = theme
    objects["website_to_retire"] = publish(
        "newsletter", ready_briefing(title="Walk newsletter", kind=BriefingKind.NEWSLETTER_ITEM), by
    )
    objects["website_candidate"] = ready_briefing(title="Walk briefing to publish")
    monthly_count_record(publication_id=item.pk, on=timezone.localdate())
    LearningSourceType.objects.get_or_create(name="Website statistics", defaults={"category": "Data"})
