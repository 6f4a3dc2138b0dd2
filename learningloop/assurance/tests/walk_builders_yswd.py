"""Records the authorisation walk needs for evidence of impact from audits and surveys and for "You said,
we did": a key message, two moderated audits a year apart, last year's and this year's HRBQ question, one
evidence link (to remove) and one entry (to read and edit)."""

import datetime

from .factories_evidence import hrbq, moderated_audit

D = datetime.date


def extend(objects):
    from learningloop.assurance.evidence.services import audit_evidence_add
    from learningloop.assurance.models import YouSaidWeDid
    from learningloop.assurance.yousaid.services import you_said_we_did_save
    from learningloop.learning.tests.factories_summaries import KeyMessageFactory

    agencies = [objects["agency"], objects["other_agency"]]
    message = KeyMessageFactory()
    objects["yswd_message"] = message
    before = moderated_audit(
        agencies=agencies, title="Walk audit 2025", started_on=D(2025, 3, 3), grades=["good"]
    )
    after = moderated_audit(
        agencies=agencies, title="Walk audit 2026", started_on=D(2026, 3, 2), grades=["good"]
    )
    objects["yswd_audits"] = (before, after)
    objects["yswd_questions"] = (hrbq(2025, ["Yes", "No"]), hrbq(2026, ["Yes"]))
    objects["assurance_evidence"] = audit_evidence_add(
        key_message=KeyMessageFactory(), baseline_audit=before, followup_audit=after, domain_name="Impact"
    )
    objects["yswd"] = you_said_we_did_save(
        entry=YouSaidWeDid(
            title="Walk: you said, we did",
            heard_from="children",
            said="Walk said",
            did="Walk did",
            did_on=D(2026, 5, 1),
        ),
        key_messages=[message],
    )
