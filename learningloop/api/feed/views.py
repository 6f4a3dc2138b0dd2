"""The feed's read-only endpoints. Each reads through the same scoped QuerySet methods as its page
(`visible_to`, the trail's `with_loop_status`, the deadlines page's `deadline_rows`), so a token sees what
its user sees on the pages, and nothing more."""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import permissions, viewsets
from rest_framework.response import Response

from learningloop.core.deadline_page import STATUS_CHOICES, deadline_rows, hydrate
from learningloop.core.policy import can
from learningloop.improvement.models import Action
from learningloop.learning.models import KeyMessage
from learningloop.performance.models import Indicator, PeriodTotal, Submission
from learningloop.reports.trail import with_loop_status

from . import serializers
from .filters import (
    ActionFilter,
    IndicatorFilter,
    PeriodFilter,
    PeriodTotalFilter,
    ProviderFilter,
    ValueFilter,
)
from .ordered_values import ValuesInOrder
from .paging import FeedPagination


class MayRead(permissions.BasePermission):
    """The token's user must be allowed the view's policy action (the one its page requires)."""

    message = "Your account may not read this part of the feed"

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and can(user, view.required_action))


class NoSession:
    """Only the bearer token authenticates: the site-wide sign-in redirect does not apply (a 401 does)."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        return login_not_required(super().as_view(*args, **kwargs))


class FeedListViewSet(NoSession, viewsets.GenericViewSet):
    """A list of the feed, token-only, filtered and paged; written from plain values when `plain_rows` is
    set (a serializers.PlainRows, plain.py)."""

    permission_classes = [MayRead]
    filter_backends = [DjangoFilterBackend]
    plain_rows = None

    def list(self, request):
        if self.plain_rows is None:
            return super().list(request)
        page = self.paginate_queryset(self.plain_rows.pages(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(self.plain_rows.rows(page))


class FeedViewSet(FeedListViewSet, viewsets.ReadOnlyModelViewSet):
    """A list of the feed and each of its rows by id."""


class IndicatorViewSet(FeedViewSet):
    """The dataset's indicators, each with how many agencies provide it; one indicator's own answer names
    them (the providers feed lists them for every indicator, paged)."""

    required_action = "impact.view"
    serializer_class = serializers.IndicatorSerializer
    plain_rows = serializers.INDICATOR_ROWS
    filterset_class = IndicatorFilter

    def get_serializer_class(self):
        return serializers.IndicatorDetailSerializer if self.action == "retrieve" else self.serializer_class

    def get_queryset(self):
        providers = Subquery(
            Indicator.providers.through.objects.filter(indicator_id=OuterRef("pk"))
            .values("indicator_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            Indicator.objects.visible_to(self.request.user)
            .select_related("priority")
            .annotate(providers_count=Coalesce(providers, 0))
            .order_by("position", "code", "pk")
        )


class ProviderViewSet(FeedListViewSet):
    """Which agencies provide each indicator: a row per indicator and agency, in the indicators' order and
    then by the agency's name; `indicator` chooses one indicator by its code."""

    required_action = "impact.view"
    serializer_class = serializers.ProviderSerializer
    plain_rows = serializers.PROVIDER_ROWS
    filterset_class = ProviderFilter
    queryset = Indicator.providers.through.objects.none()  # for the OpenAPI description

    def get_queryset(self):
        return Indicator.providers.through.objects.filter(
            indicator__in=Indicator.objects.visible_to(self.request.user)
        ).order_by("indicator__position", "indicator__code", "indicator_id", "agency__name", "agency_id")


class ValueViewSet(FeedViewSet):
    """Submitted values with their analysis and commentary, one per indicator, agency and period."""

    required_action = "impact.view"
    serializer_class = serializers.ValueSerializer
    filterset_class = ValueFilter

    def get_queryset(self):
        return (
            Submission.objects.visible_to(self.request.user)
            .select_related("indicator", "agency")
            .order_by("indicator__position", "indicator__code", "period_start", "agency__name", "pk")
        )

    def list(self, request):
        values = self.filter_queryset(self.get_queryset())
        if not request.query_params.get("agency"):
            # Paged through the periods' totals: a large partnership holds millions of values (ADR 0040).
            totals = PeriodTotalFilter(
                request.query_params, queryset=PeriodTotal.objects.visible_to(request.user)
            ).qs
            values = ValuesInOrder(serializers.VALUE_ROWS.values(values), totals)
        else:
            values = serializers.VALUE_ROWS.pages(values)
        page = self.paginate_queryset(values)
        return self.get_paginated_response(serializers.VALUE_ROWS.rows(page))


class PeriodViewSet(NoSession, viewsets.GenericViewSet):
    """The reporting periods that have values, per indicator: read from the periods' totals (one row per
    indicator and period, ADR 0040), not by finding the distinct periods among every agency's values."""

    required_action = "impact.view"
    permission_classes = [MayRead]
    serializer_class = serializers.PeriodSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = PeriodFilter
    queryset = PeriodTotal.objects.none()  # for the OpenAPI description; the list reads get_queryset

    def get_queryset(self):
        return PeriodTotal.objects.visible_to(self.request.user)

    def list(self, request):
        periods = (
            self.filter_queryset(self.get_queryset())
            .order_by("indicator__code", "period_start", "period_end")
            .values("indicator__code", "indicator__frequency", "period_start", "period_end")
        )
        page = self.paginate_queryset(periods)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ActionViewSet(FeedViewSet):
    """Improvement actions: partnership-wide roles see every plan's, agency users multi-agency plans' and
    their own agency's (as on the actions list)."""

    required_action = "actions.view"
    serializer_class = serializers.ActionSerializer
    plain_rows = serializers.ACTION_ROWS
    filterset_class = ActionFilter

    def get_queryset(self):
        return (
            Action.objects.visible_to(self.request.user)
            .select_related("plan", "owner_agency", "owner")
            .order_by("due_on", "pk")
        )


class KeyMessageViewSet(FeedViewSet):
    """Key messages with their loop status (identified, planned, disseminated, embedded, evidenced)."""

    required_action = "trail.view"
    serializer_class = serializers.KeyMessageSerializer
    plain_rows = serializers.KEY_MESSAGE_ROWS

    def get_queryset(self):
        return (
            with_loop_status(KeyMessage.objects.visible_to(self.request.user))
            .select_related("summary")
            .order_by("summary__title", "summary_id", "position", "pk")
        )


class DeadlineViewSet(NoSession, viewsets.GenericViewSet):
    """The deadlines of the user's deadlines page: the kinds they may see, scoped as there. `status`
    chooses which (default: overdue or due soon, as on the page); `kind`, `group` and `agency` filter."""

    # The page is any signed-in member of staff's; practitioners never reach it (ADR 0020), nor this.
    required_action = "api.tokens"
    permission_classes = [MayRead]
    serializer_class = serializers.DeadlineSerializer
    pagination_class = FeedPagination

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, enum=[code for code, _label in STATUS_CHOICES]),
            OpenApiParameter("kind", str, description="A kind of deadline's code"),
            OpenApiParameter("group", int, description="A group's id"),
            OpenApiParameter("agency", int, description="An agency's id"),
        ]
    )
    def list(self, request):
        today = timezone.localdate()
        filterset, combined, kinds = deadline_rows(request, today=today)
        if filterset.errors:
            return Response({"errors": filterset.errors}, status=400)
        if combined is None:
            page = self.paginate_queryset([])
            return self.get_paginated_response([])
        page = self.paginate_queryset(combined)
        rows = serializers.DEADLINE_ROWS.rows(hydrate(list(page), kinds, today), attributes=True)
        site = request.build_absolute_uri("/").removesuffix("/")  # each link is a path from the site's root
        for row in rows:
            if row["url"]:
                row["url"] = site + row["url"]
        return self.get_paginated_response(rows)


class SchemaView(NoSession, SpectacularAPIView):
    """The OpenAPI description of the feed (a token is needed, as for the data)."""
