"""Writes for learning briefings and newsletter items: keyword-only, validated with full_clean, atomic.

The six sections are rich text: a small safe subset of HTML, sanitised with nh3 on every save (and again
whenever it is rendered, see `safe_html`). Plain text typed without tags becomes paragraphs.

What is stored is always HTML, so it is escaped exactly once: a save that leaves no tags (say
`"'><script>…</script>`, whose script nh3 removes) is wrapped in a paragraph, and rendering cleans the
stored HTML as HTML without treating it as typed text again (which would escape `&gt;` into `&amp;gt;`)."""

import html
import re

import nh3
from django.core.exceptions import ValidationError
from django.db import transaction
from markupsafe import Markup

from learningloop.core.concurrency import claim_version

from ..models import Briefing, BriefingKind, BriefingStatus

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")

EMBEDDING_QUESTION = "How will we embed this learning, and how will we know it has made a difference?"


def _paragraphs(text: str) -> str:
    """Plain text (no tags): blank lines separate paragraphs, single line breaks stay line breaks."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    return "".join("<p>" + "<br>".join(html.escape(line) for line in b.split("\n")) + "</p>" for b in blocks)


def _clean(value: str) -> str:
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        url_relative="deny",
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def sanitise(value: str) -> str:
    """What is typed, as the safe subset of HTML: p, br, strong, em, ul, ol, li, h3, h4 and links to http(s)
    and mailto addresses only. Scripts and styles go with their content; attributes other than href go.
    The result always has tags (so sanitising it again changes nothing)."""
    value = (value or "").strip()
    if not value:
        return ""
    if not _TAG.search(value):
        value = _paragraphs(value)
    clean = _clean(value)
    if clean and not _TAG.search(clean):
        clean = f"<p>{clean}</p>"
    return clean


def safe_html(value: str) -> Markup:
    """Markup for a template from stored (sanitised) HTML: cleaned again here as HTML, so only sanitised
    HTML is ever marked safe, and escaped text in it is not escaped a second time."""
    return Markup(_clean((value or "").strip()))  # noqa: S704 - sanitised by nh3 on the line above


def plain_text(value: str) -> str:
    """The words of a section without its markup (to check a section is not empty)."""
    return html.unescape(nh3.clean(value or "", tags=set())).strip()


def missing_for_ready(briefing: Briefing) -> dict:
    """What a briefing needs before it is ready for publication: {field: message}."""
    missing = {}
    if not (briefing.title or "").strip():
        missing["title"] = "Enter a title"
    if briefing.kind == BriefingKind.SEVEN_MINUTE:
        if not plain_text(briefing.background):
            missing["background"] = "Enter the background before the briefing is ready for publication"
        if not plain_text(briefing.what_to_do):
            missing["what_to_do"] = "Enter what to do before the briefing is ready for publication"
    elif not any(plain_text(getattr(briefing, f)) for f in Briefing.RICH_TEXT_FIELDS):
        missing["background"] = "Enter at least one section before the item is ready for publication"
    return missing


@transaction.atomic
def briefing_save(*, briefing: Briefing, key_messages=(), by=None, expected_version=None) -> Briefing:
    """Sanitise the rich text, validate and save a briefing with its key messages. An edit names the
    version it started from; if someone saved in between, EditConflict is raised and nothing is saved.
    A briefing that is ready for publication must stay complete."""
    for field in Briefing.RICH_TEXT_FIELDS:
        setattr(briefing, field, sanitise(getattr(briefing, field)))
    briefing.title = (briefing.title or "").strip()
    if briefing.pk is None and by is not None and getattr(by, "is_authenticated", False):
        briefing.created_by = by
    briefing.full_clean()
    if briefing.status == BriefingStatus.READY and (missing := missing_for_ready(briefing)):
        raise ValidationError(missing)
    if briefing.pk is not None:
        claim_version(briefing, expected_version)
    briefing.save()
    briefing.key_messages.set(key_messages)
    return briefing


@transaction.atomic
def briefing_mark_ready(*, briefing: Briefing, by=None) -> Briefing:
    """Draft → ready for publication. Refused (ValidationError) unless it is a draft and complete."""
    briefing = Briefing.objects.get(pk=briefing.pk)
    claim_version(briefing, briefing.version)  # EditConflict if someone changes it meanwhile
    if briefing.status != BriefingStatus.DRAFT:
        raise ValidationError("This briefing is already ready for publication")
    if missing := missing_for_ready(briefing):
        raise ValidationError(missing)
    briefing.status = BriefingStatus.READY
    briefing.save(update_fields=["status", "updated_at"])
    return briefing


@transaction.atomic
def briefing_mark_draft(*, briefing: Briefing, by=None) -> Briefing:
    """Ready for publication → back to draft (for changes)."""
    briefing = Briefing.objects.get(pk=briefing.pk)
    claim_version(briefing, briefing.version)  # EditConflict if someone changes it meanwhile
    if briefing.status != BriefingStatus.READY:
        raise ValidationError("This briefing is already a draft")
    briefing.status = BriefingStatus.DRAFT
    briefing.save(update_fields=["status", "updated_at"])
    return briefing
