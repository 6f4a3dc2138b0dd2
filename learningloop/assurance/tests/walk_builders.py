"""Records the authorisation walk needs for the assurance pages' URLs that take an id: a Section 11 cycle
with the home agency's returns — one open, one submitted, one locked at its deadline — and an audit."""

from django.core.files.base import ContentFile
from django.utils import timezone

from learningloop.assurance.models import Answer, ReturnEvidence, SelfAssessmentReturn

from .factories import cycle, standard_set

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def extend(objects):
    from .factories_audits import audit

    today = timezone.localdate()
    standards = standard_set()
    objects["standard_set"] = standards
    objects["standard"] = standards.standards.first()
    objects["standard_to_edit"] = standards.standards.last()
    open_cycle = cycle(standards, name="Walk Section 11 cycle", due_days=30)
    objects["cycle"] = open_cycle
    ret = open_cycle.returns.get(agency=objects["agency"])
    objects["return"] = ret
    objects["answer"] = ret.answers.first()
    objects["return_evidence"] = ReturnEvidence.objects.create(
        ret=ret,
        file=ContentFile(PDF_BYTES, name="a1b2c3.pdf"),
        original_name="Policy.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
    )
    # The same agency's returns in three earlier cycles: one locked at its deadline, one submitted, one
    # complete and open (to submit; the open cycle's "last cycle").
    locked = cycle(standards, name="Walk locked cycle", opens_days=-90, due_days=-1).returns.get(
        agency=objects["agency"]
    )
    objects["return_locked"] = locked
    objects["answer_locked"] = locked.answers.first()
    submitted = cycle(standards, name="Walk submitted cycle", opens_days=-60, due_days=10).returns.get(
        agency=objects["agency"]
    )
    Answer.objects.filter(ret=submitted).update(score=2, evidence="Walk evidence")
    SelfAssessmentReturn.objects.filter(pk=submitted.pk).update(status="submitted", submitted_on=today)
    objects["return_submitted"] = submitted
    objects["answer_submitted"] = submitted.answers.first()
    to_submit = cycle(standards, name="Walk cycle to submit", opens_days=-30, due_days=20).returns.get(
        agency=objects["agency"]
    )
    Answer.objects.filter(ret=to_submit).update(score=1, evidence="Walk evidence")
    objects["return_to_submit"] = to_submit
    objects["audit"] = audit(agencies=[objects["agency"], objects["other_agency"]])
    objects["audit_case"] = objects["audit"].cases.first()
    from learningloop.partnership.models import LearningSourceType
    from learningloop.partnership.tests.factories import LearningSourceTypeFactory

    from .factories import contribution

    if not LearningSourceType.objects.filter(name="Complaints and compliments").exists():
        LearningSourceTypeFactory(name="Complaints and compliments")

    from learningloop.core.models import ImportRun

    objects["feedback_run"] = ImportRun.objects.create(
        spec="assurance.feedback_counts", original_name="walk.csv"
    )
    objects["contribution"] = contribution(objects["agency"], title="Walk draft learning")
    objects["contribution_to_submit"] = contribution(objects["agency"], title="Walk learning to submit")
    objects["contribution_submitted"] = contribution(
        objects["agency"], title="Walk submitted learning", status="submitted"
    )
    objects["contribution_accepted"] = contribution(
        objects["agency"], title="Walk accepted learning", status="accepted"
    )
