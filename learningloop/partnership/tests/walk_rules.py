from learningloop.core.tests.walk import Rule

VIEW, MANAGE = "partnership.view", "partnership.manage"
FW_VIEW, FW_MANAGE = "framework.view", "framework.manage"


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


def _preset(objects):
    return {"kind": "source-types", "pk": objects["source_type"].pk}


RULES = {
    "partnership:agency_list": Rule(get=VIEW),
    "partnership:agency_export": Rule(get=VIEW),
    "partnership:agency_create": Rule(get=MANAGE, post=MANAGE),
    "partnership:agency_detail": Rule(get=VIEW, kwargs=_pk("agency")),
    "partnership:agency_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("agency")),
    "partnership:agency_end": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("agency")),
    "partnership:agency_reactivate": Rule(get=None, post=MANAGE, kwargs=_pk("agency")),
    "partnership:person_list": Rule(get=VIEW),
    "partnership:person_create": Rule(get=MANAGE, post=MANAGE),
    "partnership:person_detail": Rule(get=VIEW, kwargs=_pk("person")),
    "partnership:person_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("person")),
    "partnership:person_end": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("person")),
    "partnership:group_list": Rule(get=VIEW),
    "partnership:group_create": Rule(get=MANAGE, post=MANAGE),
    "partnership:group_detail": Rule(get=VIEW, kwargs=_pk("group")),
    "partnership:group_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("group")),
    "partnership:group_end": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("group")),
    "partnership:membership_create": Rule(
        get=MANAGE, post=MANAGE, kwargs=lambda o: {"group_pk": o["group"].pk}
    ),
    "partnership:membership_edit": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("membership")),
    "partnership:membership_end": Rule(get=MANAGE, post=MANAGE, kwargs=_pk("membership")),
    "partnership:framework": Rule(get=FW_VIEW),
    "partnership:preset_list": Rule(get=FW_VIEW, kwargs=lambda o: {"kind": "source-types"}),
    "partnership:preset_create": Rule(
        get=FW_MANAGE, post=FW_MANAGE, kwargs=lambda o: {"kind": "source-types"}
    ),
    "partnership:preset_edit": Rule(get=FW_MANAGE, post=FW_MANAGE, kwargs=_preset),
    "partnership:preset_end": Rule(get=FW_MANAGE, post=FW_MANAGE, kwargs=_preset),
}
