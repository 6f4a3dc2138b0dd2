"""Authorisation walk rules for the learning register pages (merged by learning/tests/walk_rules.py)."""

from learningloop.core.tests.walk import Rule, Valid

VIEW, MANAGE, EXPORT, VOCAB = "learning.view", "learning.manage", "learning.export", "vocabulary.manage"


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


RULES = {
    "learning:activity_list": Rule(get=VIEW),
    "learning:activity_export_csv": Rule(get=EXPORT),
    "learning:activity_export_xlsx": Rule(get=EXPORT),
    "learning:activity_create": Rule(get=MANAGE, post=MANAGE),
    "learning:activity_detail": Rule(get=VIEW, kwargs=_pk("activity")),
    "learning:activity_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("activity")),
    "learning:document_upload": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("activity")),
    "learning:document_download": Rule(get=VIEW, kwargs=_pk("document")),
    "learning:document_delete": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("document_to_delete")),
    "learning:finding_create": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("activity")),
    "learning:finding_detail": Rule(get=VIEW, kwargs=_pk("finding")),
    "learning:finding_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("finding")),
    "learning:finding_delete": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("finding_to_delete")),
    "learning:theme_list": Rule(get=VOCAB),
    "learning:theme_create": Rule(get=VOCAB, post=VOCAB),
    "learning:theme_edit": Rule(get=VOCAB, post=VOCAB, kwargs=_pk("theme")),
    "learning:themes_recurrence": Rule(get=VIEW),
    "learning:priority_list": Rule(get=VOCAB),
    "learning:priority_create": Rule(get=VOCAB, post=VOCAB),
    "learning:priority_edit": Rule(get=VOCAB, post=VOCAB, kwargs=_pk("priority")),
    "learning:suggestion_mark": Rule(
        get=None,
        post="recurrence.mark",
        kwargs=lambda o: {"pk": o["finding"].pk, "earlier": o["earlier_finding"].pk},
    ),
}


def _fresh(objects, name):
    obj = objects[name]
    obj.refresh_from_db()
    return obj


def _models():
    from learningloop.learning import models

    return models


def _activity(objects, **extra):
    return {
        "title": "Walk activity",
        "source_type": objects["source_type"].pk,
        "description": "Cases audited on the walk.",
        "started_on-day": "3",
        "started_on-month": "2",
        "started_on-year": "2025",
        "status": "in_progress",
        **extra,
    }


def _pdf(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories_register import PDF_BYTES

    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _gone(name):
    return lambda o: not type(o[name]).objects.filter(pk=o[name].pk).exists()


# Valid bodies for the allowed POSTs, and the change each must make (read back from the database).
VALID = {
    "learning:activity_create": Valid(
        data=lambda o: _activity(o, title="Walk activity created"),
        changed=lambda o: _models().LearningActivity.objects.filter(title="Walk activity created").exists(),
    ),
    "learning:activity_edit": Valid(
        data=lambda o: _activity(o, title="Walk activity renamed", version=_fresh(o, "activity").version),
        changed=lambda o: _fresh(o, "activity").title == "Walk activity renamed",
    ),
    "learning:document_upload": Valid(
        data=lambda o: {"file": _pdf("Walk inspection letter.pdf")},
        changed=lambda o: o["activity"].documents.filter(original_name="Walk inspection letter.pdf").exists(),
    ),
    "learning:document_delete": Valid(data=lambda o: {}, changed=_gone("document_to_delete")),
    "learning:finding_create": Valid(
        data=lambda o: {
            "text": "Walk finding: chronologies not shared",
            "kind": "improvement",
            "themes": [o["theme"].pk],
        },  # fmt: skip
        changed=lambda o: (
            o["activity"].findings.filter(text="Walk finding: chronologies not shared").exists()
        ),
    ),
    "learning:finding_edit": Valid(
        data=lambda o: {
            "text": "Walk finding rewritten",
            "kind": "strength",
            "version": _fresh(o, "finding").version,
        },  # fmt: skip
        changed=lambda o: _fresh(o, "finding").text == "Walk finding rewritten",
    ),
    "learning:finding_delete": Valid(data=lambda o: {}, changed=_gone("finding_to_delete")),
    "learning:theme_create": Valid(
        data=lambda o: {"name": "Walk theme", "is_active": "on"},
        changed=lambda o: _models().Theme.objects.filter(name="Walk theme").exists(),
    ),
    "learning:theme_edit": Valid(
        data=lambda o: {
            "name": "Walk theme renamed",
            "is_active": "on",
            "version": _fresh(o, "theme").version,
        },
        changed=lambda o: _fresh(o, "theme").name == "Walk theme renamed",
    ),
    "learning:suggestion_mark": Valid(
        data=lambda o: {"verdict": "same_issue"},
        changed=lambda o: (
            _models()
            .RecurrenceMark.objects.filter(
                finding=o["finding"], earlier=o["earlier_finding"], verdict="same_issue"
            )
            .exists()
        ),
    ),
    "learning:priority_create": Valid(
        data=lambda o: {"name": "Walk priority", "is_active": "on"},
        changed=lambda o: _models().Priority.objects.filter(name="Walk priority").exists(),
    ),
    "learning:priority_edit": Valid(
        data=lambda o: {
            "name": "Walk priority renamed",
            "is_active": "on",
            "version": _fresh(o, "priority").version,
        },
        changed=lambda o: _fresh(o, "priority").name == "Walk priority renamed",
    ),
}
