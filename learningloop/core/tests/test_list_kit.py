"""Every list filter in the project is a FilterSet on the shared base, never a hand-written Form; and the
audit trail's list filters through it (junk values are reported, valid ones narrow the rows)."""

import datetime
import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.urls import reverse

import learningloop
from learningloop.core.filters import GovukFilterSet
from learningloop.core.tests.lists import assert_junk_reported, listed
from learningloop.partnership.tests.factories import AgencyFactory


def _project_classes():
    for module_info in pkgutil.walk_packages(learningloop.__path__, "learningloop."):
        name = module_info.name
        if ".tests" in name or ".migrations" in name or "browser_tests" in name or ".management" in name:
            continue
        if name.endswith((".production", ".wsgi")):
            continue
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == name:
                yield cls


def test_no_list_filter_is_a_hand_written_form():
    classes = list(_project_classes())
    # A FilterSet may validate across fields with its own Meta.form; that form is part of the FilterSet.
    filterset_forms = {c._meta.form for c in classes if issubclass(c, GovukFilterSet)}
    hand_written = [
        f"{cls.__module__}.{cls.__name__}"
        for cls in classes
        if "Filter" in cls.__name__ and issubclass(cls, forms.BaseForm) and cls not in filterset_forms
    ]
    assert hand_written == [], "List filters must be FilterSets on core.filters.GovukFilterSet"


def test_every_filterset_is_on_the_shared_base():
    import django_filters

    filtersets = [cls for cls in _project_classes() if issubclass(cls, django_filters.FilterSet)]
    strays = [f"{cls.__module__}.{cls.__name__}" for cls in filtersets if not issubclass(cls, GovukFilterSet)]
    assert strays == []
    # The scan really sees the lists: agencies, people, groups, the register, case reviews, summaries,
    # action plans, actions, my agency's actions, dissemination plans, briefings, users, the learning
    # trail and the audit trail.
    expected = {
        "AgencyFilterSet", "PersonFilterSet", "GroupFilterSet", "ActivityFilterSet", "ReviewFilterSet",
        "SummaryFilterSet", "ActionPlanFilterSet", "ActionFilterSet", "AgencyActionsFilterSet",
        "PlanFilterSet", "BriefingFilterSet", "UserFilterSet", "TrailFilterSet", "AuditFilterSet",
    }  # fmt: skip
    assert expected <= {cls.__name__ for cls in filtersets}


@pytest.mark.django_db
def test_audit_trail_junk_dates_are_reported_and_the_search_still_applies(client, bu_admin):
    client.force_login(bu_admin)
    AgencyFactory(name="Northshire Youth Service")
    AgencyFactory(name="Fairfield Academy Trust")
    names = ["Northshire Youth Service", "Fairfield Academy Trust"]
    today = datetime.date.today()
    response = client.get(
        reverse("core:audit_list"),
        {"q": "Youth", "record_type": "nonsense",
         "date_to-day": today.day, "date_to-month": today.month, "date_to-year": today.year},
    )  # fmt: skip
    assert_junk_reported(response, "Select an option from the list", "id_record_type")
    assert listed(response, names) == ["Northshire Youth Service"]
