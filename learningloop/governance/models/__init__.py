"""Governance records: meetings with their deadlines, agenda and papers, attendance, decisions and actions;
calendar feeds; the annual work plan, risks and barriers, highlight reports; policies and procedures;
learning events."""

from .events import EventAttendance, LearningEvent, LearningEventKind
from .meetings import (
    AgendaItem,
    AgendaPaper,
    Attendance,
    AttendanceStatus,
    CalendarFeed,
    Decision,
    Meeting,
    MeetingDeadline,
    MeetingDeadlineKind,
    MeetingStatus,
)
from .policies import PolicyChange, PolicyDocument
from .workplan import (
    HighlightReport,
    HighlightStatus,
    RiskItem,
    RiskRating,
    RiskStatus,
    WorkPlanActivity,
    WorkPlanItem,
    WorkPlanStatus,
)

__all__ = [
    "AgendaItem",
    "AgendaPaper",
    "Attendance",
    "AttendanceStatus",
    "CalendarFeed",
    "Decision",
    "EventAttendance",
    "HighlightReport",
    "HighlightStatus",
    "LearningEvent",
    "LearningEventKind",
    "Meeting",
    "MeetingDeadline",
    "MeetingDeadlineKind",
    "MeetingStatus",
    "PolicyChange",
    "PolicyDocument",
    "RiskItem",
    "RiskRating",
    "RiskStatus",
    "WorkPlanActivity",
    "WorkPlanItem",
    "WorkPlanStatus",
]

AUDITED = (
    Meeting,
    AgendaItem,
    AgendaPaper,
    Attendance,
    Decision,
    WorkPlanItem,
    RiskItem,
    HighlightReport,
    PolicyDocument,
    PolicyChange,
    LearningEvent,
    EventAttendance,
)
