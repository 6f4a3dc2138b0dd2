"""Quorum from a group's terms of reference (Appendix A §8: "quorate only if the local authority, police
and health are each represented"; a deputy counts for the agency of the member they stand in for).

`quorum_of(group, seats)` takes the seats as (statutory role of the agency represented, represented?) and
returns the result with the partners or number missing, so the meeting page can say why."""

from dataclasses import dataclass

from learningloop.partnership.models import SAFEGUARDING_PARTNERS, QuorumRule, StatutoryRole

PARTNER_NAMES = {
    StatutoryRole.LOCAL_AUTHORITY: "the local authority",
    StatutoryRole.POLICE: "the police",
    StatutoryRole.HEALTH: "health",
}


@dataclass(frozen=True)
class Quorum:
    quorate: bool
    missing: tuple[str, ...] = ()
    rule: str = ""

    @property
    def explanation(self) -> str:
        if self.quorate:
            return "Quorate"
        return "Not quorate: " + " and ".join(self.missing) + " not represented"


def quorum_of(group, seats) -> Quorum:
    """seats: iterable of (statutory_role, represented: bool), one per member's seat."""
    seats = list(seats)
    rule = group.quorum_rule
    if rule == QuorumRule.SAFEGUARDING_PARTNERS:
        represented = {role for role, present in seats if present}
        missing = tuple(PARTNER_NAMES[p] for p in SAFEGUARDING_PARTNERS if p not in represented)
        return Quorum(not missing, missing, rule)
    if rule == QuorumRule.MINIMUM_MEMBERS:
        count = sum(1 for _, present in seats if present)
        needed = group.quorum_minimum or 0
        if count >= needed:
            return Quorum(True, (), rule)
        return Quorum(False, (f"{needed - count} more member{'s' if needed - count != 1 else ''}",), rule)
    return Quorum(True, (), rule)
