"""A fictional large partnership over many years, for measuring the pages at scale
(`manage.py generate_large_partnership`, `make bench-large`).

The scale is that of docs/reference/data-volumes.md for a large partnership: about 70 agencies and 500
schools, 3,000 people, 150 users, and each year about 120 learning activities with their findings, 10 case
reviews, 25 summaries of learning with key messages, their dissemination plans and communications, 10
requests to about 20 agencies each, and 300 improvement actions with their updates.

Every name is made up from the word lists in words.py: no real child, family member or member of staff.
The same seed and the same end date give the same data. Rows are written with bulk_create, except the
case reviews, which go through `case_review_save` so that their milestones come from the same
`sync_milestones` the pages use. One module per domain area (partnership, learning, dissemination,
improvement, audit); every builder takes a `Context` and returns how many rows of its main kind it added.
"""

from learningloop.reports.loop import loop_update

from . import (
    assurance,
    audit,
    dissemination,
    governance,
    improvement,
    learning,
    partnership,
    performance,
    surveys,
    website,
    workforce,
)
from .common import ADMIN_EMAIL, Context

__all__ = ["ADMIN_EMAIL", "AREAS", "Context"]

# The areas in order: (label, function, names of the counts it returns).
AREAS = [
    ("Agencies and schools", partnership.build_agencies, ["agencies"]),
    ("People", partnership.build_people, ["people"]),
    ("Users", partnership.build_users, ["users"]),
    ("Group memberships", partnership.build_memberships, ["memberships"]),
    ("Learning activities", learning.build_activities, ["activities", "findings"]),
    ("Case reviews", learning.build_reviews, ["case reviews", "review findings"]),
    ("Summaries of learning", learning.build_summaries, ["summaries", "key messages"]),
    ("Dissemination plans", dissemination.build_dissemination, ["dissemination plans", "communications"]),
    ("Briefings", dissemination.build_briefings, ["briefings"]),
    ("Requests to agencies", dissemination.build_requests, ["requests", "responses"]),
    ("Improvement actions", improvement.build_actions, ["action plans", "actions", "action updates"]),
    ("Training", workforce.build_training, ["training sessions", "bookings", "evaluations", "practitioners"]),
    (
        "Governance",
        governance.build_governance,
        ["meetings", "attendance records", "meeting papers", "decisions", "work plan items"],
    ),
    ("Self-assessment", assurance.build_assurance, ["self-assessment returns", "self-assessment answers"]),
    # The outcomes-based dataset (about 500,000 values over ten years).
    ("Impact dataset", performance.build_dataset, ["indicator values", "data returns due"]),
    # Surveys: 200,000 children's responses with their answers.
    ("Surveys", surveys.build_surveys, ["surveys", "survey responses", "survey answers"]),
    # Written past the services: every key message's loop counted once (ADR 0044).
    ("Learning trail loops", lambda ctx: loop_update(), ["key message loops"]),
    ("Audit trail", audit.build_audit, ["audit entries"]),
    ("Learning hub", website.build_publications, ["publications", "monthly counts"]),
]
