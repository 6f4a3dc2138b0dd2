"""Authorisation walk rules for the reports pages."""

from django.utils import timezone

from learningloop.core.tests.walk import Rule, Valid

RULES = {
    "reports:trail_index": Rule(get="trail.view"),
    "reports:key_message_trail": Rule(
        get="trail.view", kwargs=lambda objects: {"pk": objects["trail_message"].pk}
    ),
}


# The partners' yearly report: everyone reads it; the business unit drafts it and writes its texts; a
# strategic lead of a safeguarding partner signs off for that partner and may withdraw the sign-off; frozen
# once the three have signed.
YEARLY_VIEW, YEARLY_MANAGE, YEARLY_SIGN = "yearly.view", "yearly.manage", "yearly.sign_off"


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


RULES |= {
    "yearly:list": Rule(get=YEARLY_VIEW),
    "yearly:create": Rule(get=YEARLY_MANAGE, post=YEARLY_MANAGE),
    "yearly:detail": Rule(get=YEARLY_VIEW, kwargs=_pk("yearly_draft")),
    "yearly:edit": Rule(
        get=YEARLY_MANAGE,
        post=YEARLY_MANAGE,
        kwargs=_pk("yearly_draft"),
        states={"signed_off": _pk("yearly_signed_off")},
    ),
    "yearly:sign_off": Rule(
        get=None,
        post=YEARLY_SIGN,
        kwargs=_pk("yearly_draft"),
        states={"signed_off": _pk("yearly_signed_off")},
    ),
    "yearly:withdraw": Rule(
        get=YEARLY_SIGN,
        post=YEARLY_SIGN,
        kwargs=_pk("yearly_to_withdraw"),
        states={"signed_off": _pk("yearly_signed_off")},
    ),
    "yearly:pdf": Rule(get=YEARLY_VIEW, kwargs=_pk("yearly_signed_off")),
    "yearly:docx": Rule(get=YEARLY_VIEW, kwargs=_pk("yearly_signed_off")),
}


def _fresh(objects, name):
    return type(objects[name]).objects.get(pk=objects[name].pk)


def _this_year():
    from ..models import reporting_year_of

    return reporting_year_of(timezone.localdate())


def _current_sign_offs(objects, name):
    return _fresh(objects, name).sign_offs.filter(withdrawn_at__isnull=True)


VALID = {
    "yearly:create": Valid(
        data=lambda o: {"year": str(_this_year())},
        changed=lambda o: type(o["yearly_draft"]).objects.filter(year=_this_year()).exists(),
    ),
    "yearly:edit": Valid(
        data=lambda o: {
            "version": _fresh(o, "yearly_draft").version,
            "section-partners-above": "Walk edited",
        },
        changed=lambda o: _fresh(o, "yearly_draft").text("partners", "above") == "Walk edited",
    ),
    "yearly:sign_off": Valid(
        data=lambda o: {"version": _fresh(o, "yearly_draft").version},
        changed=lambda o: _current_sign_offs(o, "yearly_draft").exists(),
    ),
    "yearly:withdraw": Valid(
        data=lambda o: {
            "version": _fresh(o, "yearly_to_withdraw").version,
            "reason": "Walk: figures not final",
        },
        changed=lambda o: not _current_sign_offs(o, "yearly_to_withdraw").filter(partner="police").exists(),
    ),
}
