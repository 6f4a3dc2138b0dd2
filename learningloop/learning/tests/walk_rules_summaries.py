"""Authorisation walk rules for the Summary of Learning pages (merged by learning/tests/walk_rules.py)."""

from learningloop.core.tests.walk import Rule


def _pk(key):
    return lambda objects: {"pk": objects[key].pk}


RULES = {
    "learning:summary_list": Rule(get="summary.view"),
    "learning:summary_create": Rule(get="summary.edit", post="summary.edit"),
    "learning:summary_detail": Rule(get="summary.view", kwargs=_pk("summary")),
    "learning:summary_edit": Rule(
        get="summary.edit",
        post="summary.edit",
        kwargs=_pk("summary"),
        states={
            "submitted": _pk("summary_submitted"),
            "accepted": _pk("summary_accepted"),
            "returned": _pk("summary_returned"),
        },
    ),
    "learning:key_message_create": Rule(
        get="summary.edit",
        post="summary.edit",
        kwargs=_pk("summary"),
        states={"submitted": _pk("summary_submitted_for_message")},
    ),
    "learning:key_message_edit": Rule(
        get="summary.edit",
        post="summary.edit",
        kwargs=_pk("key_message"),
        states={"accepted": _pk("key_message_of_accepted")},
    ),
    "learning:key_message_delete": Rule(
        get="summary.edit",
        post="summary.edit",
        kwargs=_pk("key_message_to_delete"),
        states={"submitted": _pk("key_message_of_submitted")},
    ),
    "learning:summary_submit": Rule(
        get=None,
        post="summary.submit",
        kwargs=_pk("summary_to_submit"),
        states={
            "submitted": _pk("summary_submitted_to_submit"),
            "returned": _pk("summary_returned_to_submit"),
        },
    ),
    "learning:summary_accept": Rule(
        get=None,
        post="summary.decide",
        kwargs=_pk("summary_to_accept"),
        states={"draft": _pk("summary_draft_to_accept"), "accepted": _pk("summary_accepted_to_accept")},
    ),
    "learning:summary_return": Rule(
        get="summary.decide",
        post="summary.decide",
        kwargs=_pk("summary_to_return"),
        states={"draft": _pk("summary_draft_to_return")},
    ),
    "learning:summary_docx": Rule(get="summary.view", kwargs=_pk("summary")),
    "learning:summary_pdf": Rule(get="summary.view", kwargs=_pk("summary")),
}
