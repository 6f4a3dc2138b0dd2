"""Authorisation walk rules for the learning hub: the public pages (no sign-in) and the business unit's
publishing pages (website.manage to follow, website.publish to publish and retire)."""

from django.utils import timezone

from learningloop.core.tests.walk import PUBLIC, Rule, Valid

MANAGE, PUBLISH = "website.manage", "website.publish"


def _slug(objects):
    return {"slug": objects["website_publication"].slug}


RULES = {
    "website:index": Rule(get=PUBLIC),
    "website:feed": Rule(get=PUBLIC),
    "website:theme": Rule(get=PUBLIC, kwargs=lambda o: {"slug": o["website_theme"].slug}),
    "website:publication": Rule(get=PUBLIC, kwargs=_slug),
    "website:publication_pdf": Rule(get=PUBLIC, kwargs=_slug),
    "website:publication_file": Rule(get=PUBLIC, kwargs=lambda o: {**_slug(o), "pk": o["website_file"].pk}),
    "website:manage_list": Rule(get=MANAGE),
    "website:candidates": Rule(get=PUBLISH),
    "website:publish": Rule(
        get=PUBLISH,
        post=PUBLISH,
        kwargs=lambda o: {"kind_code": "learning_briefing", "source_id": o["website_candidate"].pk},
    ),
    "website:retire": Rule(get=PUBLISH, post=PUBLISH, kwargs=lambda o: {"pk": o["website_to_retire"].pk}),
    "website:statistics": Rule(get=MANAGE),
    "website:statistics_export": Rule(get=MANAGE),
    "website:statistics_record": Rule(get=None, post=PUBLISH),
}


def _financial_year_now():
    today = timezone.localdate()
    return today.year if today.month >= 4 else today.year - 1


def _published(objects):
    from learningloop.website.models import Publication

    return Publication.objects.filter(
        kind="learning_briefing", source_id=objects["website_candidate"].pk
    ).exists()


def _retired(objects):
    item = objects["website_to_retire"]
    item.refresh_from_db()
    return item.status == "retired"


def _recorded(objects):
    from learningloop.learning.models import LearningActivity

    return LearningActivity.objects.filter(title__startswith="Website statistics").exists()


VALID = {
    "website:publish": Valid(
        data=lambda o: {"checks": ["no_child", "no_family_member", "no_practitioner"]}, changed=_published
    ),
    "website:retire": Valid(data=lambda o: {"reason": "Walk: out of date"}, changed=_retired),
    "website:statistics_record": Valid(
        data=lambda o: {"start_year": _financial_year_now()}, changed=_recorded
    ),
}
