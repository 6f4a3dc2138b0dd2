"""Authorisation walk rules for the dissemination briefings pages (merged by walk_rules.py)."""

from learningloop.core.tests.walk import Rule, Valid

VIEW, MANAGE = "briefing.view", "briefing.manage"


def _pk(key):
    return lambda objects: {"pk": objects[key].pk}


RULES = {
    "dissemination:briefing_list": Rule(get=VIEW),
    "dissemination:briefing_create": Rule(get=MANAGE, post=MANAGE),
    "dissemination:briefing_detail": Rule(get=VIEW, kwargs=_pk("briefing")),
    "dissemination:briefing_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("briefing")),
    "dissemination:briefing_ready": Rule(get=None, post=MANAGE, kwargs=_pk("briefing_to_ready")),
    "dissemination:briefing_unready": Rule(get=None, post=MANAGE, kwargs=_pk("briefing_to_unready")),
    "dissemination:briefing_pdf": Rule(get=VIEW, kwargs=_pk("briefing")),
}


def _fresh(objects, key):
    obj = objects[key]
    obj.refresh_from_db()
    return obj


def _briefing_exists(title):
    from learningloop.dissemination.models import Briefing

    return Briefing.objects.filter(title=title).exists()


BODY = {"kind": "seven_minute", "background": "<p>Walk background.</p>", "what_to_do": "Share it."}

# Valid bodies for the allowed POSTs, and the change each must make (read back from the database).
VALID = {
    "dissemination:briefing_create": Valid(
        data=lambda o: {**BODY, "title": "Walk briefing created"},
        changed=lambda o: _briefing_exists("Walk briefing created"),
    ),
    "dissemination:briefing_edit": Valid(
        data=lambda o: {**BODY, "title": "Walk briefing renamed", "version": _fresh(o, "briefing").version},
        changed=lambda o: _fresh(o, "briefing").title == "Walk briefing renamed",
    ),
    "dissemination:briefing_ready": Valid(
        data=lambda o: {}, changed=lambda o: _fresh(o, "briefing_to_ready").status == "ready"
    ),
    "dissemination:briefing_unready": Valid(
        data=lambda o: {}, changed=lambda o: _fresh(o, "briefing_to_unready").status == "draft"
    ),
}
