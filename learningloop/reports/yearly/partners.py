"""Who signs the yearly report for a safeguarding partner: a strategic lead (core.policy "yearly.sign_off")
of an agency whose statutory role is one of the three partners, for that partner."""

from learningloop.partnership.models import SAFEGUARDING_PARTNERS


def partner_of(user) -> str | None:
    """The safeguarding partner (statutory role) whose agency this user belongs to, or None."""
    agency = getattr(user, "agency", None)
    role = getattr(agency, "statutory_role", None)
    return role if role in SAFEGUARDING_PARTNERS else None
