"""Authorisation walk rules for the dissemination requests pages (merged by walk_rules.py).

The response pages are for the home agency's (police) response: partnership-wide roles and the home
agency's users may open them; the other agency's lead (health) gets 404 (`other_agency_status`)."""

from dataclasses import dataclass

from learningloop.core.tests.walk import Rule

VIEW, SEND, RESPOND = "embedding.view", "embedding.send", "embedding.respond"
REVIEW, OUTSTANDING = "embedding.review", "embedding.outstanding"


@dataclass(frozen=True)
class ScopedRule(Rule):
    """A page about one agency's record: another agency's user who holds the action gets this status."""

    other_agency_status: int | None = 404


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


RULES = {
    "dissemination:request_list": Rule(get=VIEW),
    "dissemination:request_create": Rule(get=SEND, post=SEND),
    "dissemination:outstanding_responses": Rule(get=OUTSTANDING),
    # Sent to both agencies: each agency's users see it with their own response only.
    "dissemination:request_detail": Rule(get=VIEW, kwargs=_pk("embedding_request")),
    "dissemination:response_detail": ScopedRule(get=VIEW, kwargs=_pk("agency_response")),
    "dissemination:response_edit": ScopedRule(get=RESPOND, post=RESPOND, kwargs=_pk("agency_response")),
    "dissemination:evidence_upload": ScopedRule(get=RESPOND, post=RESPOND, kwargs=_pk("agency_response")),
    "dissemination:evidence_download": ScopedRule(get=VIEW, kwargs=_pk("response_evidence")),
    "dissemination:response_review": Rule(get=REVIEW, post=REVIEW, kwargs=_pk("submitted_response")),
}
