"""Authorisation walk rules for the dissemination requests pages (merged by walk_rules.py).

The response pages are for the home agency's (police) response: partnership-wide roles and the home
agency's users may open them; the other agency's lead (health) gets 404: not visible to them."""

from learningloop.core.tests.walk import Rule, Scoped, Valid

VIEW, SEND, RESPOND = "embedding.view", "embedding.send", "embedding.respond"
REVIEW, OUTSTANDING = "embedding.review", "embedding.outstanding"
OWN = Scoped(reach="embedding.view_all", status=404)


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


RULES = {
    "dissemination:request_list": Rule(get=VIEW),
    "dissemination:request_create": Rule(get=SEND, post=SEND),
    "dissemination:information_request_create": Rule(get=SEND, post=SEND),
    "dissemination:outstanding_responses": Rule(get=OUTSTANDING),
    # Sent to both agencies: each agency's users see it with their own response only.
    "dissemination:request_detail": Rule(get=VIEW, kwargs=_pk("embedding_request")),
    "dissemination:response_detail": Rule(get=VIEW, kwargs=_pk("agency_response"), scoped=OWN),
    "dissemination:response_edit": Rule(
        get=RESPOND,
        post=RESPOND,
        kwargs=_pk("agency_response"),
        scoped=OWN,
        states={
            "submitted": _pk("submitted_response"),
            "more_information": _pk("response_more_information"),
            # The same page answering a request for information (its own form: the information given).
            "information": _pk("information_response"),
        },
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


def _fresh(objects, key):
    obj = objects[key]
    obj.refresh_from_db()
    return obj


def _answers(key, **extra):
    import datetime

    from django.utils import timezone

    d = timezone.localdate() + datetime.timedelta(days=90)

    def data(o):
        return {"where_embedded": "Walk: in the supervision policy", "mechanisms": "Walk: audit",
                "evaluation": "Walk: re-audit", "evaluate_by-day": str(d.day),
                "evaluate_by-month": str(d.month), "evaluate_by-year": str(d.year),
                "version": _fresh(o, key).version, **extra}  # fmt: skip

    return data


def _accepted_message_pk(objects):
    from learningloop.learning.models import KeyMessage

    return KeyMessage.objects.filter(summary__status="accepted").order_by("pk").first().pk


def _pdf(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from learningloop.learning.tests.factories_register import PDF_BYTES

    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _sent(o):
    from learningloop.dissemination.models import EmbeddingRequest

    return EmbeddingRequest.objects.filter(title="Walk request").exists()


# Valid bodies for the allowed POSTs (the state-refused rows post the same kind of body and must change
# nothing), and the change each must make (read back from the database).
VALID = {
    "dissemination:request_create": Valid(
        data=lambda o: {
            "title": "Walk request",
            "message": "Tell us how",
            "working_days": "20",
            "key_messages": [_accepted_message_pk(o)],
            "agencies": [o["agency"].pk],
        },  # fmt: skip
        changed=_sent,
    ),
    "dissemination:information_request_create": Valid(
        data=lambda o: {
            "title": "Walk information request",
            "message": "Send your chronology",
            "working_days": "5",
            "agencies": [o["agency"].pk],
        },
        changed=lambda o: (
            __import__("learningloop.dissemination.models", fromlist=["EmbeddingRequest"])
            .EmbeddingRequest.objects.filter(title="Walk information request", kind="information")
            .exists()
        ),
    ),
    "dissemination:response_edit [information]": Valid(
        data=lambda o: {
            "information": "Walk: our chronology",
            "version": _fresh(o, "information_response").version,
        },
        changed=lambda o: _fresh(o, "information_response").information == "Walk: our chronology",
    ),
    "dissemination:response_edit": Valid(
        data=_answers("agency_response"),
        changed=lambda o: _fresh(o, "agency_response").where_embedded == "Walk: in the supervision policy",
    ),
    "dissemination:response_edit [submitted]": Valid(
        data=_answers("submitted_response"),
        changed=lambda o: _fresh(o, "submitted_response").where_embedded == "Walk: in the supervision policy",
    ),
    "dissemination:response_edit [more_information]": Valid(
        data=_answers("response_more_information"),
        changed=lambda o: (
            _fresh(o, "response_more_information").where_embedded == "Walk: in the supervision policy"
        ),
    ),
    "dissemination:evidence_upload": Valid(
        data=lambda o: {"file": _pdf("Walk action sheet.pdf")},
        changed=lambda o: (
            o["agency_response"].evidence.filter(original_name="Walk action sheet.pdf").exists()
        ),
    ),
    "dissemination:evidence_upload [accepted]": Valid(
        data=lambda o: {"file": _pdf("Walk late sheet.pdf")},
        changed=lambda o: (
            o["response_accepted"].evidence.filter(original_name="Walk late sheet.pdf").exists()
        ),
    ),
    "dissemination:response_review": Valid(
        data=lambda o: {"decision": "accept", "note": ""},
        changed=lambda o: _fresh(o, "submitted_response").status == "accepted",
    ),
    "dissemination:response_review [draft]": Valid(
        data=lambda o: {"decision": "accept", "note": ""},
        changed=lambda o: _fresh(o, "response_draft").status == "accepted",
    ),
}
