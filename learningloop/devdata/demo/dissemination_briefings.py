"""Demo briefings: a 7-minute briefing ready for publication and a newsletter item in draft, written from
the demo's accepted Summary of Learning key messages. Fictional content only.

Safe to repeat: a briefing is matched by its title and left alone if it exists. Relies on load_framework and
the learning demo (register, reviews, summaries) having run."""

from django.db import transaction

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.dissemination.briefings.services import EMBEDDING_QUESTION, briefing_save
from learningloop.dissemination.models import Briefing, BriefingKind, BriefingStatus
from learningloop.learning.models import KeyMessage, SummaryStatus

SEVEN_MINUTE = {
    "kind": BriefingKind.SEVEN_MINUTE,
    "title": "7-minute briefing: chronologies and escalation in neglect cases",
    "background": (
        "The Audit Group looked at ten fictional neglect cases across the partnership.\n\n"
        "In most of them each agency kept its own chronology, and nobody saw the whole picture."
    ),
    "why_it_matters": (
        "<p>Neglect is cumulative. A single incident can look minor; <strong>the pattern</strong> is what "
        "tells us a child is at risk.</p>"
    ),
    "key_information": (
        "<ul><li>Share one chronology at every strategy discussion.</li>"
        "<li>Use the escalation policy when a plan drifts, within five working days.</li></ul>"
    ),
    "things_to_remember": "<p>Record what the child says, and how they seem, in their own words.</p>",
    "what_to_do": (
        "<ol><li>Bring your agency's chronology to the strategy discussion.</li>"
        "<li>Check the plan is moving; if not, escalate.</li>"
        '<li>Read the <a href="https://www.example.org/escalation-policy">escalation policy</a>.</li></ol>'
    ),
    "reflective_questions": (
        f"<ul><li>When did you last see a whole-family chronology?</li><li>{EMBEDDING_QUESTION}</li></ul>"
    ),
    "status": BriefingStatus.READY,
    "messages": 2,
}
NEWSLETTER = {
    "kind": BriefingKind.NEWSLETTER_ITEM,
    "title": "Newsletter: the child's own words",
    "background": (
        "Our latest audit found that the child's voice is often missing from records. "
        "Write down what the child says, in their words, and how they seem."
    ),
    "status": BriefingStatus.DRAFT,
    "messages": 1,
}


def _author():
    return User.objects.filter(roles__icontains=f'"{Role.BU_OFFICER}"', is_active=True).order_by("pk").first()


@transaction.atomic
def seed(stdout=None) -> int:
    """Add the demo briefings that are missing; return how many were added."""
    messages = list(
        KeyMessage.objects.filter(summary__status=SummaryStatus.ACCEPTED).order_by(
            "summary_id", "position", "pk"
        )
    )
    if not messages:
        if stdout:
            stdout.write("Briefings: skipped, no accepted summaries with key messages (seed summaries first)")
        return 0
    author = _author()
    added = 0
    for spec in (SEVEN_MINUTE, NEWSLETTER):
        if Briefing.objects.filter(title=spec["title"]).exists():
            continue
        fields = {k: v for k, v in spec.items() if k not in ("status", "messages")}
        briefing = Briefing(**fields, status=spec["status"])
        briefing_save(briefing=briefing, key_messages=messages[: spec["messages"]], by=author)
        added += 1
    if stdout:
        stdout.write(f"Briefings: 2 defined, {added} added")
    return added
