"""Authorisation walk rules for the Summary of Learning pages (merged by learning/tests/walk_rules.py)."""

from learningloop.core.tests.walk import Rule, Valid


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


def _fresh(objects, key):
    obj = objects[key]
    obj.refresh_from_db()
    return obj


def _models():
    from learningloop.learning import models

    return models


def _audiences():
    from learningloop.partnership.models import AudienceGroup

    return [AudienceGroup.objects.order_by("pk").first().pk]


def _summary_body(objects, key, title):
    summary = _fresh(objects, key)
    return {"title": title, "subgroup": summary.subgroup_id, "activity_type": "Audit",
            "description": "Ten cases", "findings_summary": "Gaps", "version": summary.version}  # fmt: skip


def _version(key, **extra):
    return lambda o: {"version": _fresh(o, key).version, **extra}


def _status(key, status):
    return lambda o: _fresh(o, key).status == status


def _edit(key):
    return Valid(
        data=lambda o: _summary_body(o, key, f"Walk {key} edited"),
        changed=lambda o: _fresh(o, key).title == f"Walk {key} edited",
    )


def _message(key, summary_key, text):
    """A key message body for the summary objects[summary_key] (or the message objects[key]'s summary)."""

    def data(o):
        summary = _fresh(o, summary_key) if summary_key else _fresh(o, key).summary
        return {"text": text, "audiences": _audiences(), "version": summary.version}

    return data


def _gone(key):
    return lambda o: not _models().KeyMessage.objects.filter(pk=o[key].pk).exists()


# Valid bodies for the allowed POSTs (and the state-refused ones: the same valid body, refused for the
# summary's state, must change nothing), and the change each must make.
VALID = {
    "learning:summary_create": Valid(
        data=lambda o: {
            "title": "Walk summary created",
            "subgroup": o["group"].pk,
            "activities": [o["summary"].activities.first().pk],
        },  # fmt: skip
        changed=lambda o: _models().SummaryOfLearning.objects.filter(title="Walk summary created").exists(),
    ),
    "learning:summary_edit": _edit("summary"),
    "learning:summary_edit [submitted]": _edit("summary_submitted"),
    "learning:summary_edit [accepted]": _edit("summary_accepted"),
    "learning:summary_edit [returned]": _edit("summary_returned"),
    "learning:key_message_create": Valid(
        data=_message(None, "summary", "Walk key message added"),
        changed=lambda o: o["summary"].key_messages.filter(text="Walk key message added").exists(),
    ),
    "learning:key_message_create [submitted]": Valid(
        data=_message(None, "summary_submitted_for_message", "Walk key message added late"),
        changed=lambda o: o["summary_submitted_for_message"].key_messages.exists(),
    ),
    "learning:key_message_edit": Valid(
        data=_message("key_message", None, "Walk key message rewritten"),
        changed=lambda o: _fresh(o, "key_message").text == "Walk key message rewritten",
    ),
    "learning:key_message_edit [accepted]": Valid(
        data=_message("key_message_of_accepted", None, "Walk accepted message rewritten"),
        changed=lambda o: _fresh(o, "key_message_of_accepted").text == "Walk accepted message rewritten",
    ),
    "learning:key_message_delete": Valid(
        data=lambda o: {"version": _fresh(o, "key_message_to_delete").summary.version},
        changed=_gone("key_message_to_delete"),
    ),
    "learning:key_message_delete [submitted]": Valid(
        data=lambda o: {"version": _fresh(o, "key_message_of_submitted").summary.version},
        changed=_gone("key_message_of_submitted"),
    ),
    "learning:summary_submit": Valid(
        data=_version("summary_to_submit"), changed=_status("summary_to_submit", "submitted")
    ),
    "learning:summary_submit [submitted]": Valid(
        data=_version("summary_submitted_to_submit"), changed=lambda o: False
    ),
    "learning:summary_submit [returned]": Valid(
        data=_version("summary_returned_to_submit"),
        changed=_status("summary_returned_to_submit", "submitted"),
    ),
    "learning:summary_accept": Valid(
        data=_version("summary_to_accept"), changed=_status("summary_to_accept", "accepted")
    ),
    "learning:summary_accept [draft]": Valid(
        data=_version("summary_draft_to_accept"), changed=_status("summary_draft_to_accept", "accepted")
    ),
    "learning:summary_accept [accepted]": Valid(
        data=_version("summary_accepted_to_accept"), changed=lambda o: False
    ),
    "learning:summary_return": Valid(
        data=_version("summary_to_return", reason="Walk: add the health findings"),
        changed=_status("summary_to_return", "returned"),
    ),
    "learning:summary_return [draft]": Valid(
        data=_version("summary_draft_to_return", reason="Walk: add the health findings"),
        changed=_status("summary_draft_to_return", "returned"),
    ),
}
