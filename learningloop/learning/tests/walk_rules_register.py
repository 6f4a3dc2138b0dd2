"""Authorisation walk rules for the learning register pages (merged by learning/tests/walk_rules.py)."""

from learningloop.core.tests.walk import Rule

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
}
