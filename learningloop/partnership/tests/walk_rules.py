import datetime

from learningloop.core.tests.walk import Rule, Valid

VIEW, MANAGE = "partnership.view", "partnership.manage"
FW_VIEW, FW_MANAGE = "framework.view", "framework.manage"


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


def _preset(name="source_type"):
    return lambda objects: {"kind": "source-types", "pk": objects[name].pk}


RULES = {
    "partnership:agency_list": Rule(get=VIEW),
    "partnership:agency_export": Rule(get=VIEW),
    "partnership:agency_create": Rule(get=MANAGE, post=MANAGE),
    "partnership:agency_detail": Rule(get=VIEW, kwargs=_pk("agency")),
    "partnership:agency_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("agency_to_edit")),
    "partnership:agency_end": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("agency_to_end")),
    "partnership:agency_reactivate": Rule(get=None, post=MANAGE, kwargs=_pk("agency_ended")),
    "partnership:person_list": Rule(get=VIEW),
    "partnership:person_create": Rule(get=MANAGE, post=MANAGE),
    "partnership:person_detail": Rule(get=VIEW, kwargs=_pk("person")),
    "partnership:person_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("person")),
    "partnership:person_end": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("person_to_end")),
    "partnership:group_list": Rule(get=VIEW),
    "partnership:group_create": Rule(get=MANAGE, post=MANAGE),
    "partnership:group_detail": Rule(get=VIEW, kwargs=_pk("group")),
    "partnership:group_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("group_to_edit")),
    "partnership:group_end": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("group_to_end")),
    "partnership:membership_create": Rule(
        get=MANAGE, post=MANAGE, kwargs=lambda o: {"group_pk": o["group"].pk}
    ),
    "partnership:membership_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("membership")),
    "partnership:membership_end": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("membership_to_end")),
    "partnership:framework": Rule(get=FW_VIEW),
    "partnership:preset_list": Rule(get=FW_VIEW, kwargs=lambda o: {"kind": "source-types"}),
    "partnership:preset_create": Rule(
        get=FW_MANAGE, post=FW_MANAGE, kwargs=lambda o: {"kind": "source-types"}
    ),
    "partnership:preset_edit": Rule(get=FW_MANAGE, post=FW_MANAGE, kwargs=_preset()),
    "partnership:preset_end": Rule(get=FW_MANAGE, post=FW_MANAGE, kwargs=_preset("source_type_to_end")),
}


def _date(prefix, d):
    return {f"{prefix}-day": str(d.day), f"{prefix}-month": str(d.month), f"{prefix}-year": str(d.year)}


def _fresh(objects, name):
    obj = objects[name]
    obj.refresh_from_db()
    return obj


def _version(objects, name):
    """The hidden version an edit form carries (the one edit path): the record's version as saved now."""
    return {"version": _fresh(objects, name).version}


def _models():
    from learningloop.partnership import models

    return models


AGENCY = {
    "name": "Walk Youth Justice",
    "short_name": "WYJ",
    "sector": "justice",
    "statutory_role": "relevant_agency",
}
GROUP = {"name": "Walk Audit Subgroup", "short_name": "WAS", "papers_due_working_days": "5",
         "minutes_due_days": "10", "quorum_rule": "none"}  # fmt: skip

# Valid bodies for the allowed POSTs, and the change each must make (read back from the database).
VALID = {
    "partnership:agency_create": Valid(
        data=lambda o: AGENCY, changed=lambda o: _models().Agency.objects.filter(name=AGENCY["name"]).exists()
    ),
    "partnership:agency_edit": Valid(
        data=lambda o: {**AGENCY, "name": "Walk Agency Renamed", **_version(o, "agency_to_edit")},
        changed=lambda o: _fresh(o, "agency_to_edit").name == "Walk Agency Renamed",
    ),
    "partnership:agency_end": Valid(
        data=lambda o: {}, changed=lambda o: not _fresh(o, "agency_to_end").is_active
    ),
    "partnership:agency_reactivate": Valid(
        data=lambda o: {}, changed=lambda o: _fresh(o, "agency_ended").is_active
    ),
    "partnership:person_create": Valid(
        data=lambda o: {"full_name": "Walk New Person", "agency": o["agency"].pk},
        changed=lambda o: _models().Person.objects.filter(full_name="Walk New Person").exists(),
    ),
    "partnership:person_edit": Valid(
        data=lambda o: {
            "full_name": "Walk Person Renamed",
            "agency": o["agency"].pk,
            **_version(o, "person"),
        },
        changed=lambda o: _fresh(o, "person").full_name == "Walk Person Renamed",
    ),
    "partnership:person_end": Valid(
        data=lambda o: _version(o, "person_to_end"),
        changed=lambda o: not _fresh(o, "person_to_end").is_active,
    ),
    "partnership:group_create": Valid(
        data=lambda o: GROUP, changed=lambda o: _models().Group.objects.filter(name=GROUP["name"]).exists()
    ),
    "partnership:group_edit": Valid(
        data=lambda o: {**GROUP, "name": "Walk Group Renamed", **_version(o, "group_to_edit")},
        changed=lambda o: _fresh(o, "group_to_edit").name == "Walk Group Renamed",
    ),
    "partnership:group_end": Valid(
        data=lambda o: _version(o, "group_to_end"), changed=lambda o: not _fresh(o, "group_to_end").is_active
    ),
    "partnership:membership_create": Valid(
        data=lambda o: {
            "person": o["person_to_seat"].pk,
            "role": "member",
            **_date("start_date", datetime.date(2025, 4, 1)),
        },  # fmt: skip
        changed=lambda o: (
            _models().Membership.objects.filter(group=o["group"], person=o["person_to_seat"]).exists()
        ),
    ),
    "partnership:membership_edit": Valid(
        data=lambda o: {
            "person": o["person"].pk,
            "role": "deputy_chair",
            **_date("start_date", datetime.date(2025, 4, 1)),
            **_version(o, "membership"),
        },  # fmt: skip
        changed=lambda o: _fresh(o, "membership").role == "deputy_chair",
    ),
    "partnership:membership_end": Valid(
        data=lambda o: _date("end_date", datetime.date(2025, 9, 30)),
        changed=lambda o: _fresh(o, "membership_to_end").end_date == datetime.date(2025, 9, 30),
    ),
    "partnership:preset_create": Valid(
        data=lambda o: {"name": "Walk source type", "category": "Category", "position": "3"},
        changed=lambda o: _models().LearningSourceType.objects.filter(name="Walk source type").exists(),
    ),
    "partnership:preset_edit": Valid(
        data=lambda o: {
            "name": "Walk source type renamed",
            "category": "Category",
            "position": "3",
            **_version(o, "source_type"),
        },  # fmt: skip
        changed=lambda o: _fresh(o, "source_type").name == "Walk source type renamed",
    ),
    "partnership:preset_end": Valid(
        data=lambda o: {}, changed=lambda o: not _fresh(o, "source_type_to_end").is_active
    ),
}
