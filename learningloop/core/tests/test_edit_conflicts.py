"""Every edit page, tried as two people would: both open the same edit form in their own browser, the
second saves first, then the first saves. The first person's save is refused with the conflict page
(409) showing what the other person saved, and the record still holds that other person's change.

The table has one row per editable record type. `test_every_edit_page_is_in_the_table` and
`test_every_model_form_is_versioned` fail when a new edit page or form skips the one edit path
(core.views_kit.edit_with_conflict, core.concurrency.VersionedFormMixin; ADR 0005)."""

import datetime
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django import forms
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

import learningloop
from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.policy import Role

from .edit_forms import form_data

pytestmark = pytest.mark.django_db

THEIRS, MINE = "Saved first by the other person", "Entered by me, too late"


@dataclass(frozen=True)
class Edit:
    """One editable record type: the edit page's URL name, a builder returning (url kwargs, record), the
    form field both people change, and what each enters. `theirs`/`mine` may be callables of the record
    (for choice fields: the option's value); `shown` is how the conflict page displays the other
    person's value (default `theirs`); `read` reads the field back from the record as saved."""

    url_name: str
    build: Callable[[], tuple[dict, Any]]
    field: str
    theirs: Any = THEIRS
    mine: Any = MINE
    shown: Any = None
    read: Callable[[Any], Any] | None = None
    extra: dict | None = None  # other fields both people fill in (a required note, say)


def _pk(record):
    return {"pk": record.pk}, record


# --- Builders, one per record type (imports inside so the table reads as a list) ---


def _agency():
    from learningloop.partnership.tests.factories import AgencyFactory

    return _pk(AgencyFactory())


def _person():
    from learningloop.partnership.tests.factories import PersonFactory

    return _pk(PersonFactory())


def _group():
    from learningloop.partnership.tests.factories import GroupFactory

    return _pk(GroupFactory())


def _membership():
    from learningloop.partnership.tests.factories import MembershipFactory

    return _pk(MembershipFactory(start_date=datetime.date(2025, 4, 1)))


def _preset(kind, factory_name):
    def build():
        from learningloop.partnership.tests import factories

        item = getattr(factories, factory_name)()
        return {"kind": kind, "pk": item.pk}, item

    return build


def _theme():
    from learningloop.learning.tests.factories_register import ThemeFactory

    return _pk(ThemeFactory())


def _priority():
    from learningloop.learning.tests.factories_register import PriorityFactory

    return _pk(PriorityFactory())


def _activity():
    from learningloop.learning.tests.factories_register import ActivityFactory

    return _pk(ActivityFactory())


def _finding():
    from learningloop.learning.tests.factories_register import FindingFactory

    return _pk(FindingFactory())


def _review():
    from learningloop.learning.tests.factories_reviews import make_review

    return _pk(make_review(pseudonym="Child K"))


def _deadline_rule():
    from learningloop.learning.models import DeadlineRule

    return _pk(DeadlineRule.objects.get(code="child-decision"))


def _child_details():
    from learningloop.learning.tests.factories_reviews import ChildDetailsFactory, make_review

    details = ChildDetailsFactory(review=make_review(pseudonym="Child L"))
    return {"pk": details.review_id}, details


def _summary():
    from learningloop.learning.tests.factories_summaries import SummaryFactory

    return _pk(SummaryFactory())


def _key_message():
    from learningloop.learning.tests.factories_summaries import KeyMessageFactory
    from learningloop.partnership.tests.factories import AudienceGroupFactory

    return _pk(KeyMessageFactory(audiences=[AudienceGroupFactory()]))


def _briefing():
    from learningloop.dissemination.tests.factories_briefings import BriefingFactory

    return _pk(BriefingFactory())


def _message_plan():
    from learningloop.dissemination.tests.factories_plans import make_plan

    return _pk(make_plan(1).message_plans.get())


def _communication():
    from learningloop.dissemination.tests.factories_plans import CommunicationFactory

    return _pk(CommunicationFactory(description="Briefing at the team meeting", due_on=timezone.localdate()))


def _response():
    from learningloop.dissemination.tests.factories_requests import ResponseFactory

    return _pk(ResponseFactory())


def _information_response():
    from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory

    return _pk(ResponseFactory(request=RequestFactory(kind="information", key_messages=[])))


def _action():
    from learningloop.improvement.tests.factories import ActionFactory

    return _pk(ActionFactory())


def _completed_action():
    from learningloop.improvement.tests.factories import CompletedActionFactory

    action = CompletedActionFactory()
    action.sustainment_due_on = timezone.localdate() + datetime.timedelta(days=90)
    action.save()
    return _pk(action)


def _user():
    from learningloop.partnership.tests.factories import AgencyFactory

    return _pk(UserFactory(agency=AgencyFactory(), roles=[Role.AGENCY_MEMBER]))


def _agency_named(name):
    def pick(record):
        from learningloop.partnership.tests.factories import AgencyFactory

        return str(AgencyFactory(name=name).pk)

    return pick


# Governance
def _meeting():
    from learningloop.governance.tests.factories import make_ldg, make_meeting

    return _pk(make_meeting(make_ldg().group, datetime.date(2027, 1, 12)))


def _agenda_item():
    from learningloop.governance.meetings.services import agenda_item_save
    from learningloop.governance.models import AgendaItem
    from learningloop.governance.tests.factories import make_ldg, make_meeting

    meeting = make_meeting(make_ldg().group, datetime.date(2027, 1, 12))
    return _pk(agenda_item_save(item=AgendaItem(meeting=meeting, title="Neglect audit")))


def _governance(model_name, **fields):
    def build():
        from learningloop.governance import models
        from learningloop.partnership.tests.factories import GroupFactory

        model = getattr(models, model_name)
        if "group" in {f.name for f in model._meta.fields}:
            fields.setdefault("group", GroupFactory())
        return _pk(model.objects.create(**fields))

    return build


def _highlight_report():
    from learningloop.governance.models import HighlightReport
    from learningloop.governance.tests.factories import make_meeting
    from learningloop.partnership.tests.factories import GroupFactory

    meeting = make_meeting(GroupFactory(name="Executive Group"), datetime.date(2027, 1, 19))
    sections = [{"key": "activity", "heading": "Activity delivered", "text": "Met twice"}]
    report = HighlightReport.objects.create(
        group=GroupFactory(),
        executive_meeting=meeting,
        sections=sections,
        period_start=datetime.date(2026, 10, 1),
        period_end=meeting.date,
    )
    return _pk(report)


EDITS = [
    # Partnership structure and the framework lists
    Edit("partnership:agency_edit", _agency, "name"),
    Edit("partnership:person_edit", _person, "full_name"),
    Edit("partnership:group_edit", _group, "purpose"),  # the group's terms of reference
    Edit("partnership:membership_edit", _membership, "role", theirs="officer", mine="chair", shown="Officer"),
    Edit("partnership:preset_edit", _preset("source-types", "LearningSourceTypeFactory"), "name"),
    Edit("partnership:preset_edit", _preset("dissemination-methods", "DisseminationMethodFactory"), "name"),
    Edit("partnership:preset_edit", _preset("monitoring-processes", "MonitoringProcessFactory"), "name"),
    Edit("partnership:preset_edit", _preset("audiences", "AudienceGroupFactory"), "name"),
    # The learning register, its vocabularies, case reviews and summaries of learning
    Edit("learning:theme_edit", _theme, "name"),
    Edit("learning:priority_edit", _priority, "name"),
    Edit("learning:activity_edit", _activity, "title"),
    Edit("learning:finding_edit", _finding, "text"),
    Edit("learning:review_edit", _review, "pseudonym"),
    Edit("learning:child_details", _child_details, "child_name"),
    Edit("learning:deadline_rule_edit", _deadline_rule, "basis"),
    Edit("learning:summary_edit", _summary, "title"),
    Edit("learning:key_message_edit", _key_message, "text"),
    # Dissemination
    Edit("dissemination:briefing_edit", _briefing, "title"),
    Edit("dissemination:message_plan_edit", _message_plan, "purpose"),
    Edit("dissemination:communication_edit", _communication, "notes"),
    Edit("dissemination:response_edit", _response, "where_embedded"),
    Edit("dissemination:response_edit", _information_response, "information"),  # a request for information
    # Improvement actions
    Edit("improvement:action_edit", _action, "description"),
    Edit(
        "improvement:action_update",
        _action,
        "progress",
        theirs="40",
        mine="70",
        extra={"status": "in_progress", "note": "Briefed the team"},
        read=lambda action: str(action.progress),
        shown="40",
    ),
    Edit("improvement:sustainment_check", _completed_action, "sustainment_note"),
    # Assurance: a self-assessment standard, an agency's answer in an open return, an audit case's restricted
    # details.
    Edit("assurance:standard_edit", lambda: _assurance("standard"), "title"),
    Edit("assurance:answer_edit", lambda: _assurance("answer"), "evidence", extra={"score": "2"}),
    Edit("assurance:audit_case_details", lambda: _assurance("case_details"), "child_name"),
    Edit("assurance:contribution_edit", lambda: _assurance("contribution"), "title"),
    # User accounts
    Edit(
        "accounts:user_edit",
        _user,
        "agency",
        theirs=_agency_named("Theirs Agency"),
        mine=_agency_named("Mine Agency"),
        shown="Theirs Agency",
        read=lambda user: user.agency.name,
    ),
    # Governance
    Edit("governance:meeting_edit", _meeting, "place"),
    Edit("governance:agenda_item_edit", _agenda_item, "title"),
    Edit(
        "governance:workplan_item_edit",
        _governance(
            "WorkPlanItem",
            year=2026,
            activity="events",
            objective="Run webinars",
            due_on=datetime.date(2027, 3, 31),
        ),
        "progress_notes",
    ),  # fmt: skip
    Edit("governance:risk_edit", _governance("RiskItem", title="Low GP attendance"), "mitigation"),
    Edit(
        "governance:highlight_edit",
        _highlight_report,
        "section-activity",
        read=lambda report: report.sections[0]["text"],
    ),  # fmt: skip
    Edit("governance:policy_edit", _governance("PolicyDocument", title="Neglect strategy"), "title"),
    Edit(
        "governance:event_edit",
        _governance("LearningEvent", title="Neglect webinar", held_on=datetime.date(2026, 10, 1)),
        "title",
    ),  # fmt: skip
]


# Workforce development: the training programme's edit pages.
def _course():
    from learningloop.workforce.tests.factories import CourseFactory

    return _pk(CourseFactory())


def _training_session():
    from learningloop.workforce.tests.factories import SessionFactory

    return _pk(SessionFactory())


def _trainer():
    from learningloop.workforce.tests.factories import TrainerFactory

    return _pk(TrainerFactory())


def _training_settings():
    from learningloop.partnership.models import Partnership
    from learningloop.workforce.models import TrainingSettings

    return {}, TrainingSettings.objects.create(partnership=Partnership.current())


EDITS += [
    Edit("workforce:course_edit", _course, "title"),
    Edit("workforce:session_edit", _training_session, "venue"),
    Edit("workforce:trainer_edit", _trainer, "notes"),
    Edit(
        "workforce:settings_edit",
        _training_settings,
        "cancellation_cutoff_working_days",
        theirs="5",
        mine="7",
        read=lambda row: str(row.cancellation_cutoff_working_days),
        shown="5",
    ),
]


def _assurance(what):
    from learningloop.assurance.models import AuditCaseDetails
    from learningloop.assurance.tests.factories import cycle, standard_set
    from learningloop.assurance.tests.factories_audits import audit
    from learningloop.partnership.tests.factories import AgencyFactory

    if what == "standard":
        return _pk(standard_set().standards.first())
    if what == "contribution":
        from learningloop.assurance.tests.factories import contribution

        return _pk(contribution(AgencyFactory()))
    if what == "answer":
        agency = AgencyFactory()
        return _pk(cycle(standard_set()).returns.get(agency=agency).answers.first())
    case = audit(agencies=[AgencyFactory()]).cases.first()
    details = AuditCaseDetails.objects.create(case=case, child_name="Before")
    return {"pk": case.pk}, details


# Impact: the indicator library, the story behind a curve, and a correction of a submitted value.
def _indicator():
    from learningloop.performance.tests.factories import IndicatorFactory

    return _pk(IndicatorFactory())


def _story():
    from learningloop.performance.models import Story
    from learningloop.performance.tests.factories import IndicatorFactory

    story = Story.objects.create(indicator=IndicatorFactory(), helping="As first recorded")
    return {"pk": story.indicator_id}, story


def _submission():
    from learningloop.partnership.tests.factories import AgencyFactory
    from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory

    agency = AgencyFactory()
    return _pk(SubmissionFactory(indicator=IndicatorFactory(providers=[agency]), agency=agency, value=70))


def _you_said_we_did():
    import datetime

    from learningloop.assurance.models import YouSaidWeDid
    from learningloop.assurance.yousaid.services import you_said_we_did_save

    entry = YouSaidWeDid(
        title="Waiting times",
        heard_from="children",
        said="Before",
        did="Before",
        did_on=datetime.date(2026, 5, 1),
    )
    return _pk(you_said_we_did_save(entry=entry))


# "You said, we did" (ADR 0033): the business unit's own words of what was said, and what was done.
EDITS += [Edit("assurance:yswd_edit", _you_said_we_did, "did")]

EDITS += [
    Edit("performance:indicator_edit", _indicator, "definition"),
    Edit("performance:indicator_story", _story, "helping"),
    Edit("performance:submission_correct", _submission, "commentary", extra={"reason": "Recounted"}),
]


# Surveys: a survey and one of its questions, each on the one edit path.
def _survey():
    from learningloop.assurance.tests.factories_surveys import survey

    return _pk(survey())


def _survey_question():
    from learningloop.assurance.tests.factories_surveys import questions, survey

    return _pk(questions(survey())["How safe do you feel at school?"])


EDITS += [
    Edit("assurance:survey_edit", _survey, "title"),
    Edit("assurance:survey_question_edit", _survey_question, "text"),
]


def _yearly_report():
    from learningloop.reports.yearly.services import yearly_report_create

    return _pk(yearly_report_create(year=2025))


EDITS += [
    Edit(
        "yearly:edit",
        _yearly_report,
        "section-partners-above",
        read=lambda report: report.text("partners", "above"),
    ),
]


def _id(edit):
    return edit.url_name.split(":")[1] + (
        f"[{edit.build.__closure__[0].cell_contents}]" if edit.url_name.endswith("preset_edit") else ""
    )


def _browser(business_unit):
    """A business unit administrator signed in in their own browser (every edit page is theirs to use)."""
    client = Client()
    client.force_login(UserFactory(agency=business_unit, roles=[Role.BU_ADMIN]))
    return client


def _value(value, record):
    return value(record) if callable(value) else value


@pytest.mark.parametrize("edit", EDITS, ids=[_id(e) for e in EDITS])
def test_the_second_of_two_saves_is_refused_and_shows_the_first(edit, partnership, business_unit):
    kwargs, record = edit.build()
    url = reverse(edit.url_name, kwargs=kwargs)
    first, second = _browser(business_unit), _browser(business_unit)
    page_first, page_second = first.get(url), second.get(url)
    assert page_first.status_code == page_second.status_code == 200
    form_first, form_second = form_data(page_first.text), form_data(page_second.text)
    assert "version" in form_first, "the edit form carries the version it was opened at"
    assert edit.field in form_first, f"{edit.field} is not on the edit form"
    theirs, mine = _value(edit.theirs, record), _value(edit.mine, record)

    extra = edit.extra or {}
    saved = second.post(url, {**form_second, **extra, edit.field: theirs})
    assert saved.status_code == 302, saved.text
    late = first.post(url, {**form_first, **extra, edit.field: mine})

    assert late.status_code == 409
    page = late.text
    assert "Someone else changed this record" in page
    assert "Your changes have not been saved" in page
    assert str(edit.shown or theirs) in page  # what the other person saved
    assert page.count("<h1") == 1
    record = type(record).objects.get(pk=record.pk)
    assert (edit.read(record) if edit.read else getattr(record, edit.field)) == (
        edit.shown if edit.read and edit.shown else theirs
    )


# --- Guard rails: a new edit page or form that skips the path fails here, naming what is missing ---

# URL names that end in _edit/_update but edit no single record through a form.
NOT_A_RECORD_EDIT = {
    "improvement:action_bulk_update": "sets one status on many actions at once; each claims its version",
}
# Pages that edit a saved record through a form without _edit/_update in their name.
OTHER_EDIT_PAGES = {"improvement:sustainment_check", "learning:child_details"}
OTHER_EDIT_PAGES = OTHER_EDIT_PAGES | {"assurance:audit_case_details"}
OTHER_EDIT_PAGES |= {"performance:indicator_story", "performance:submission_correct"}
# ModelForms that only ever create a record (a new record has nobody else's save to lose).
CREATE_ONLY_FORMS = {
    "learningloop.improvement.forms.PlanForm": "action plans are created, not edited",
    "learningloop.learning.summaries.forms.SummaryCreateForm": "summaries are edited with SummaryEditForm",
    "learningloop.dissemination.plans.forms.CommunicationCreateForm": "edited with CommunicationEditForm",
}
CREATE_ONLY_FORMS["learningloop.performance.indicators.forms.EvidenceForm"] = (
    "evidence links are added, not edited"
)
CREATE_ONLY_FORMS["learningloop.api.tokens.forms.TokenCreateForm"] = (
    "personal access tokens are created and revoked, never edited"
)


def _url_names(resolver=None, namespace=""):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            yield from _url_names(p, f"{namespace}{p.namespace}:" if p.namespace else namespace)
        elif (
            isinstance(p, URLPattern)
            and p.name
            and getattr(p.callback, "__module__", "").startswith("learningloop")
        ):
            yield f"{namespace}{p.name}"


def test_every_edit_page_is_in_the_table():
    names = set(_url_names())
    edit_pages = {n for n in names if n.endswith(("_edit", "_update"))} - set(NOT_A_RECORD_EDIT)
    missing = sorted((edit_pages | OTHER_EDIT_PAGES) - {e.url_name for e in EDITS})
    assert not missing, f"Add these edit pages to EDITS (and give them the one edit path): {missing}"
    stale = sorted({e.url_name for e in EDITS} - names)
    assert not stale, f"EDITS names pages that no longer exist: {stale}"


def _model_forms():
    for module in pkgutil.walk_packages(learningloop.__path__, "learningloop."):
        skip = (".tests", ".migrations", "learningloop.config", "learningloop.browser_tests")
        if not any(part in module.name for part in skip):
            importlib.import_module(module.name)
    seen, todo = set(), [forms.ModelForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return [f for f in seen if f.__module__.startswith("learningloop") and ".tests" not in f.__module__]


def test_every_model_form_is_versioned():
    """Every ModelForm of ours either carries the version (VersionedFormMixin) of a model that has one,
    or is listed above as create-only. A new edit form without the mixin is named here."""
    unversioned, no_field = [], []
    for form in _model_forms():
        name = f"{form.__module__}.{form.__qualname__}"
        model = getattr(getattr(form, "_meta", None), "model", None)
        if name in CREATE_ONLY_FORMS or model is None:  # a base form whose subclasses name the model
            continue
        if not issubclass(form, VersionedFormMixin):
            unversioned.append(name)
            continue
        guarded = form.versioned_model or model
        if not any(f.name == "version" for f in guarded._meta.concrete_fields):
            no_field.append(f"{guarded._meta.label} (edited by {name})")
    assert not unversioned, f"Add VersionedFormMixin (and the edit path) to: {sorted(unversioned)}"
    assert not no_field, f"Add a version field (default 1) to: {sorted(no_field)}"
