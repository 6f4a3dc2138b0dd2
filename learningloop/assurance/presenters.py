"""Display values for assurance pages: a self-assessment score as red, amber or green; a return's status
(locked at its deadline, late); an audit grade. Every status is a core.presenters.StatusTag."""

from learningloop.core.presenters import StatusTag

from .models import Grade, ReturnStatus

# A score of 0–3 shown also as red, amber or green (ADR 0018): 0 not met is red, 1 partly met is amber,
# 2 met and 3 met and exceeded are green.
SCORE_TAGS = {
    0: StatusTag("0 Red", "red", hint="Not met", key="red"),
    1: StatusTag("1 Amber", "yellow", hint="Partly met", key="amber"),
    2: StatusTag("2 Green", "green", hint="Met", key="green"),
    3: StatusTag("3 Green", "green", hint="Met and exceeded", key="green"),
}
NO_SCORE = StatusTag("No score", "grey", key="none")


def score_tag(score) -> StatusTag:
    return SCORE_TAGS.get(score, NO_SCORE)


def rag_of_average(average) -> StatusTag:
    """The RAG of an average score: under 1 red, under 2 amber, 2 or more green."""
    if average is None:
        return NO_SCORE
    rounded = f"{average:.1f}"
    if average < 1:
        return StatusTag(rounded, "red", key="red")
    if average < 2:
        return StatusTag(rounded, "yellow", key="amber")
    return StatusTag(rounded, "green", key="green")


def return_status(ret, today) -> StatusTag:
    """Submitted (on time or late), locked at its deadline, or open (due in N working days)."""
    ret.apply_deadline(today)
    if ret.status == ReturnStatus.SUBMITTED:
        late = ret.submitted_on and ret.submitted_on > ret.cycle.due_on
        return StatusTag(
            "Submitted late" if late else "Submitted",
            "orange" if late else "green",
            hint=f"{ret.submitted_on:%d %B %Y}" if ret.submitted_on else "",
            key="submitted",
        )
    if ret.status == ReturnStatus.LOCKED:
        return StatusTag(
            "Locked: not submitted", "red", hint=f"Deadline was {ret.due_on:%d %B %Y}", key="locked"
        )
    deadline = ret.deadline_status(today)
    label = "Not started" if ret.status == ReturnStatus.NOT_STARTED else "In progress"
    return StatusTag(
        label,
        "blue" if ret.status == ReturnStatus.IN_PROGRESS else "grey",
        hint=deadline.text,
        key=ret.status,
    )


GRADE_COLOURS = {
    Grade.OUTSTANDING: "green",
    Grade.GOOD: "turquoise",
    Grade.REQUIRES_IMPROVEMENT: "yellow",
    Grade.INADEQUATE: "red",
}


def grade_tag(grade) -> StatusTag:
    if not grade:
        return StatusTag("Not graded", "grey", key="none")
    return StatusTag(Grade(grade).label, GRADE_COLOURS[grade], key=grade)


def change_text(now, before) -> str:
    """Change of an average score since the last cycle, in words."""
    if now is None or before is None:
        return "No earlier cycle to compare"
    delta = round(now - before, 1)
    if delta == 0:
        return "No change"
    return f"{'Up' if delta > 0 else 'Down'} {abs(delta):.1f}"


# A survey's status: a draft is being written, an open survey takes answers, a closed one no longer does.
SURVEY_STATUS_TAGS = {
    "draft": StatusTag("Draft", "grey", key="draft"),
    "open": StatusTag("Open", "green", key="open"),
    "closed": StatusTag("Closed", "blue", key="closed"),
}


def survey_status(survey) -> StatusTag:
    return SURVEY_STATUS_TAGS.get(survey.status, SURVEY_STATUS_TAGS["draft"])
