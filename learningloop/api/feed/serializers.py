"""What each feed row carries: Django REST framework serializers (no hand-written JSON or OpenAPI)."""

from rest_framework import serializers

from learningloop.improvement.models import Action
from learningloop.learning.models import KeyMessage
from learningloop.performance.models import Indicator, Submission
from learningloop.performance.periods import label_for
from learningloop.reports.trail import STAGE_LABELS, STAGES

from .plain import PlainRows


class IndicatorSerializer(serializers.ModelSerializer):
    """An indicator as the list gives it: how many agencies provide it, not their names, so that a page
    of indicators stays the size it says (a large partnership's measure has hundreds of providers); the
    names are the providers feed's (`/api/v1/providers/?indicator=<code>`) and an indicator's own."""

    priority = serializers.CharField(source="priority.name", default="", read_only=True)
    providers_count = serializers.IntegerField(read_only=True, help_text="How many agencies provide it")

    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "name",
            "definition",
            "counting",
            "numerator",
            "denominator",
            "unit",
            "polarity",
            "frequency",
            "category",
            "target",
            "tolerance",
            "priority",
            "providers_count",
            "source",
            "is_active",
        ]


class IndicatorDetailSerializer(IndicatorSerializer):
    """One indicator, with its provider agencies' names too."""

    providers = serializers.SerializerMethodField(help_text="The provider agencies' names, by name")

    def get_providers(self, indicator) -> list[str]:
        return list(indicator.providers.order_by("name", "pk").values_list("name", flat=True))

    class Meta(IndicatorSerializer.Meta):
        fields = [*IndicatorSerializer.Meta.fields, "providers"]


class ProviderSerializer(serializers.ModelSerializer):
    """One agency that provides one indicator's values."""

    indicator = serializers.CharField(
        source="indicator.code", read_only=True, help_text="The indicator's code"
    )
    agency_id = serializers.IntegerField(
        read_only=True, help_text="The agency's id (the values feed's filter)"
    )
    agency = serializers.CharField(source="agency.name", read_only=True, help_text="The agency's name")

    class Meta:
        model = Indicator.providers.through
        fields = ["indicator", "agency_id", "agency"]


class PeriodSerializer(serializers.Serializer):
    """One reporting period of one indicator that has at least one value."""

    indicator = serializers.CharField(source="indicator__code", help_text="The indicator's code")
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    label = serializers.SerializerMethodField()

    def get_label(self, row) -> str:
        return label_for(row["indicator__frequency"], row["period_start"])


class ValueSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True, help_text="Its code")
    agency = serializers.CharField(source="agency.name", read_only=True, help_text="The providing agency")
    period_label = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = [
            "id",
            "indicator",
            "agency",
            "period_start",
            "period_end",
            "period_label",
            "value",
            "numerator",
            "denominator",
            "commentary",
            "submitted_at",
        ]

    def get_period_label(self, submission) -> str:
        return label_for(submission.indicator.frequency, submission.period_start)


class ActionSerializer(serializers.ModelSerializer):
    plan = serializers.CharField(source="plan.title", read_only=True)
    plan_scope = serializers.CharField(source="plan.scope", read_only=True)
    owner_agency = serializers.CharField(source="owner_agency.name", read_only=True)
    owner = serializers.CharField(source="owner.full_name", default="", read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "plan",
            "plan_scope",
            "description",
            "owner_agency",
            "owner",
            "due_on",
            "status",
            "progress",
            "completed_on",
            "evidence_of_completion",
            "sustainment_due_on",
            "sustainment_checked_on",
            "sustainment_result",
        ]


class KeyMessageSerializer(serializers.ModelSerializer):
    summary = serializers.CharField(source="summary.title", read_only=True, help_text="Summary of Learning")
    loop_status = serializers.ChoiceField(choices=STAGES, read_only=True)
    loop_status_label = serializers.SerializerMethodField()

    class Meta:
        model = KeyMessage
        fields = ["id", "summary", "text", "position", "loop_status", "loop_status_label"]

    def get_loop_status_label(self, message) -> str:
        return STAGE_LABELS[message.loop_status]


class DeadlineSerializer(serializers.Serializer):
    """One line of the deadlines page (core.deadlines.DeadlineRow)."""

    kind = serializers.CharField(source="kind.label")
    what = serializers.CharField()
    subject = serializers.CharField()
    due_on = serializers.DateField(allow_null=True)
    status = serializers.CharField(source="status.text")
    agency = serializers.CharField()
    group = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, row) -> str | None:
        request = self.context.get("request")
        return request.build_absolute_uri(row.url) if row.url and request else row.url


# The list pages written from plain values (plain.py): the same fields, their methods made from columns.
VALUE_ROWS = PlainRows(
    ValueSerializer, computed={"period_label": (("indicator__frequency", "period_start"), label_for)}
)
ACTION_ROWS = PlainRows(ActionSerializer)
INDICATOR_ROWS = PlainRows(IndicatorSerializer)
PROVIDER_ROWS = PlainRows(ProviderSerializer)
# The deadlines are DeadlineRows built by their kinds (core.deadlines), read by attribute; the link is made
# absolute once a page (DeadlineViewSet), not once a row.
DEADLINE_ROWS = PlainRows(DeadlineSerializer, computed={"url": (("url",), lambda url: url)})
KEY_MESSAGE_ROWS = PlainRows(
    KeyMessageSerializer, computed={"loop_status_label": (("loop_status",), STAGE_LABELS.__getitem__)}
)
