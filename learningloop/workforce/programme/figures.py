"""The workforce area's figure on the agency contribution scorecard (core.contributions): trainers
provided. Per agency, the training sessions delivered (not cancelled) this calendar year to date with at
least one of the agency's trainers; a session counts once for each agency that provided a trainer. The
same count as the trainer pool page (Trainer.objects.sessions_given_by_agency), which the figure links to.
One query."""

from django.db.models import Count
from django.urls import reverse

from learningloop.core.contributions import Figure, register

from ..models import TrainingSession


def trainers_provided(agency_ids, today):
    rows = (
        TrainingSession.objects.delivered()
        .filter(date__gte=today.replace(month=1, day=1), date__lte=today)
        .filter(trainers__person__agency_id__in=agency_ids)
        .values("trainers__person__agency_id")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    return {row["trainers__person__agency_id"]: (row["n"], 0) for row in rows}


def register_figures():
    register(
        Figure(
            "workforce.trainers_provided",
            "Training sessions given by the agency's trainers",
            60,
            trainers_provided,
            lambda agency: reverse("workforce:trainer_list"),
            "Training sessions delivered this calendar year with at least one trainer from the agency",
            unit="sessions this year",
            unit_one="session this year",
        )
    )
