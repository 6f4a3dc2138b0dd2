""" "You said, we did" as a publishable kind of the public learning hub (core.publishing, ADR 0029). The
allow-list names the headline, who said it, the staff-written "said" text, what the partnership did and
when, its themes and key messages: never the learning source, the survey's answers or who recorded it."""

from django.utils.html import escape, linebreaks

from learningloop.core import publishing
from learningloop.core.dates import format_date
from learningloop.core.publishing import PublicSection, PublishableKind, Snapshot

FIELDS = ("title", "get_heard_from_display", "said", "did", "did_on", "themes.name", "key_messages.pk")


def _html(text) -> str:
    return linebreaks(escape(text or ""))


def candidates():
    from .models import YouSaidWeDid

    return YouSaidWeDid.objects.prefetch_related("themes", "key_messages")


def snapshot(read) -> Snapshot:
    return Snapshot(
        title=read("title"),
        summary=f"What {read('get_heard_from_display').lower()} told us, and what the partnership did.",
        sections=(
            PublicSection("You said", _html(read("said"))),
            PublicSection("We did", _html(read("did")) + _html(f"Done on {format_date(read('did_on'))}.")),
        ),
        themes=tuple(dict.fromkeys(t for t in read("themes.name") if t)),
        key_message_ids=tuple(dict.fromkeys(read("key_messages.pk"))),
    )


def register_kind():
    publishing.register(
        PublishableKind(
            code="you_said_we_did",
            label="You said, we did",
            candidates=candidates,
            fields=FIELDS,
            build=snapshot,
            position=35,
        )
    )
