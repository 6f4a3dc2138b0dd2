"""The member's home panel: tasks between meetings (Appendix A §4: "complete tasks between meetings when
asked") — open actions agreed at meetings that the signed-in person owns, and their next meetings."""

from django.utils import timezone

from learningloop.improvement.models import Action

from .models import Meeting

LIMIT = 5


def meeting_tasks(user) -> dict:
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None:
        return {"empty": True}
    today = timezone.localdate()
    tasks = list(
        Action.objects.open()
        .filter(owner=person, plan__meeting__isnull=False)
        .select_related("plan__meeting__group")
        .order_by("due_on", "pk")[:LIMIT]
    )
    meetings = list(Meeting.objects.for_person(person.pk).upcoming(today).select_related("group")[:3])
    if not tasks and not meetings:
        return {"empty": True}
    return {
        "tasks": [(a, a.deadline_status(today)) for a in tasks],
        "meetings": meetings,
    }
