"""Assurance records: the Section 11 and Section 175/157 self-assessment cycle (selfassessment.py) and the
multi-agency audit programme (audits.py). Each cycle and each audit is one row in the learning register
(learning.LearningActivity, one-to-one), so its findings and action plans are the register's."""

from .audits import (  # noqa: F401
    Audit,
    AuditCase,
    AuditCaseDetails,
    AuditDomain,
    AuditMilestone,
    AuditStatus,
    Grade,
    Grading,
    ModeratedGrade,
)
from .contributions import AgencyContribution, ContributionStatus  # noqa: F401
from .evidence import AssuranceEvidence, EvidenceKind  # noqa: F401
from .feedback import FeedbackCount, FeedbackKind  # noqa: F401
from .selfassessment import (  # noqa: F401
    SCORE_CHOICES,
    Answer,
    Cycle,
    Frequency,
    Moderation,
    ReturnEvent,
    ReturnEvidence,
    ReturnStatus,
    SelfAssessmentReturn,
    Standard,
    StandardSet,
    StandardSetKind,
)
from .surveys import (  # noqa: F401
    CHOICE_KINDS,
    AnsweredBy,
    Audience,
    Channel,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
    SurveyTally,
    TallyKind,
)
from .yousaid import HeardFrom, YouSaidWeDid  # noqa: F401

AUDITED = (
    StandardSet,
    Standard,
    Cycle,
    SelfAssessmentReturn,
    Answer,
    ReturnEvidence,
    Moderation,
    Audit,
    AuditCase,
    AuditCaseDetails,
    Grading,
    ModeratedGrade,
    AgencyContribution,
    FeedbackCount,
    Survey,  # surveys' questions and options; responses are counted, not audited one by one
    SurveyQuestion,
    SurveyOption,
)
AUDITED = AUDITED + (AssuranceEvidence, YouSaidWeDid)
