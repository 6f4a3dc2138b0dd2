"""Authorisation walk rules for the dissemination briefings pages (merged by walk_rules.py)."""

from learningloop.core.tests.walk import Rule

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
