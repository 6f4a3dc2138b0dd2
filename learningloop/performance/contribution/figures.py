"""The three figures the impact area registers: data returns, embedding responses and improvement actions
on time. Each counts, per agency, what fell due before today and how much of it was done by its due date."""

from django.db.models import Count, F, Q
from django.urls import reverse

from learningloop.core.contributions import Figure, register
from learningloop.dissemination.models import AgencyResponse
from learningloop.improvement.models import Action

from ..models import DataDue


def _counts(queryset, agency_field, on_time):
    rows = queryset.values(agency_field).annotate(of=Count("pk"), met=Count("pk", filter=on_time))
    return {row[agency_field]: (row["met"], row["of"]) for row in rows}


def data_on_time(agency_ids, today):
    dues = DataDue.objects.filter(agency_id__in=agency_ids, due_on__lt=today)
    return _counts(dues, "agency_id", Q(done_on__lte=F("due_on")))


def responses_on_time(agency_ids, today):
    responses = AgencyResponse.objects.to_embed().filter(agency_id__in=agency_ids, request__due_on__lt=today)
    return _counts(responses, "agency_id", Q(submitted_at__date__lte=F("request__due_on")))


def actions_on_time(agency_ids, today):
    actions = Action.objects.filter(owner_agency_id__in=agency_ids, due_on__lt=today).exclude(
        status="cancelled"
    )
    return _counts(actions, "owner_agency_id", Q(completed_on__lte=F("due_on")))


def register_figures():
    register(
        Figure(
            "impact.data_on_time",
            "Data returns on time",
            10,
            data_on_time,
            lambda agency: reverse("performance:late_list") + f"?agency={agency.pk}",
            "Dataset values due so far that arrived by their due date",
        )
    )
    register(
        Figure(
            "impact.responses_on_time",
            "Embedding responses on time",
            20,
            responses_on_time,
            lambda agency: reverse("dissemination:outstanding_responses"),
            "Responses to requests to embed learning, due so far, submitted by the due date",
        )
    )
    register(
        Figure(
            "impact.actions_on_time",
            "Actions completed on time",
            30,
            actions_on_time,
            lambda agency: reverse("improvement:action_list") + f"?agency={agency.pk}",
            "Improvement actions due so far (not cancelled) completed by their due date",
        )
    )
