"""Authorisation walk rules for the dissemination requests pages (merged by walk_rules.py).

The response pages are for the home agency's (police) response: partnership-wide roles and the home
agency's users may open them; the other agency's lead (health) gets 404: not visible to them."""

from learningloop.core.tests.walk import Rule, Scoped

VIEW, SEND, RESPOND = "embedding.view", "embedding.send", "embedding.respond"
REVIEW, OUTSTANDING = "embedding.review", "embedding.outstanding"
OWN = Scoped(reach="embedding.view_all", status=404)


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


RULES = {
    "dissemination:request_list": Rule(get=VIEW),
    "dissemination:request_create": Rule(get=SEND, post=SEND),
    "dissemination:outstanding_responses": Rule(get=OUTSTANDING),
    # Sent to both agencies: each agency's users see it with their own response only.
    "dissemination:request_detail": Rule(get=VIEW, kwargs=_pk("embedding_request")),
    "dissemination:response_detail": Rule(get=VIEW, kwargs=_pk("agency_response"), scoped=OWN),
    "dissemination:response_edit": Rule(
        get=RESPOND,
        post=RESPOND,
        kwargs=_pk("agency_response"),
        scoped=OWN,
        states={"submitted": _pk("submitted_response"), "more_information": _pk("response_more_information")},
    ),
    "dissemination:evidence_upload": Rule(
        get=RESPOND,
        post=RESPOND,
        kwargs=_pk("agency_response"),
        scoped=OWN,
        states={"accepted": _pk("response_accepted")},
    ),
    "dissemination:evidence_download": Rule(get=VIEW, kwargs=_pk("response_evidence"), scoped=OWN),
    "dissemination:response_review": Rule(
        get=REVIEW,
        post=REVIEW,
        kwargs=_pk("submitted_response"),
        states={"draft": _pk("response_draft")},
    ),
}
